package org.openita.server.survey.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The phone check before the EIT part 1 questionnaire, when it is on: a Thai mobile number, then the code sent to it
 * by SMS, then the questionnaire. Plain forms that work without JavaScript. Every state that is not this step's
 * (the check off, the survey closed, an unknown agency) goes back to the questionnaire's address, which says why.
 */
@Controller
class PhoneStep {

    private final PhoneChecks checks;
    private final PhoneProofs proofs;
    private final PhoneCheckProperties properties;
    private final SurveyProperties survey;
    private final Respondents respondents;
    private final Lookups lookups;
    private final SurveyWindows windows;
    private final Clock clock;

    PhoneStep(PhoneChecks checks, PhoneProofs proofs, PhoneCheckProperties properties, SurveyProperties survey,
              Respondents respondents, Lookups lookups, SurveyWindows windows, Clock clock) {
        this.checks = checks;
        this.proofs = proofs;
        this.properties = properties;
        this.survey = survey;
        this.respondents = respondents;
        this.lookups = lookups;
        this.windows = windows;
        this.clock = clock;
    }

    /** An open EIT part 1 of a known agency, with the phone check on. */
    private record Target(Agency agency, SurveyWindow window) {
        AgencyCode code() {
            return agency.code();
        }

        int year() {
            return window.year().buddhistEra();
        }
    }

    @PostMapping("/s/eit/{code}/phone")
    Object sendCode(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        String token = request.getParameter("t");
        String written = request.getParameter("phone");
        Optional<Target> found = target(code, model);
        if (found.isEmpty()) {
            return toForm(code);
        }
        Target t = found.get();
        Instant now = clock.instant();
        Optional<String> device = respondents.existingDevice(request);
        if (device.isEmpty() || !proofs.stepValid(token, t.code(), t.year(), device.get(), now)) {
            return page("phone", t, written, null, "survey.phone.alert.expired", HttpStatus.BAD_REQUEST, request, response, model);
        }
        Optional<ThaiMobile> phone = ThaiMobile.parse(written);
        if (phone.isEmpty()) {
            return page("phone", t, written, "survey.phone.invalid", null, HttpStatus.BAD_REQUEST, request, response, model);
        }
        PhoneChecks.SendResult sent = checks.send(t.code(), t.agency().nameTh(), t.year(), phone.get(), request.getRemoteAddr());
        switch (sent.outcome()) {
            case SENT -> {
                proofs.setPending(request, response, checks.phoneHash(t.year(), phone.get()), t.code(), t.year(), device.get(),
                        now.plus(properties.codeValidity()), properties.codeValidity());
                return redirect("/s/eit/" + t.code().value() + "/code");
            }
            case TOO_MANY -> {
                response.setHeader("Retry-After", Long.toString(sent.retryAfterSeconds()));
                model.addAttribute("alertArg", Math.max(1, (sent.retryAfterSeconds() + 59) / 60));
                return page("phone", t, written, null, "survey.phone.alert.tooMany", HttpStatus.TOO_MANY_REQUESTS, request, response, model);
            }
            default -> {
                response.setHeader("Retry-After", Long.toString(sent.retryAfterSeconds()));
                return page("phone", t, written, null, "survey.phone.alert.smsDown", HttpStatus.SERVICE_UNAVAILABLE, request, response, model);
            }
        }
    }

    @GetMapping("/s/eit/{code}/code")
    Object askCode(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Target> found = target(code, model);
        Optional<String> device = respondents.existingDevice(request);
        if (found.isEmpty() || device.isEmpty()
                || proofs.pending(request, found.get().code(), found.get().year(), device.get(), clock.instant()).isEmpty()) {
            return toForm(code);
        }
        return page("code", found.get(), null, null, null, HttpStatus.OK, request, response, model);
    }

    @PostMapping("/s/eit/{code}/code")
    Object checkCode(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        String token = request.getParameter("t");
        String written = request.getParameter("code");
        Optional<Target> found = target(code, model);
        if (found.isEmpty()) {
            return toForm(code);
        }
        Target t = found.get();
        Instant now = clock.instant();
        Optional<String> device = respondents.existingDevice(request);
        Optional<byte[]> phone = device.flatMap(d -> proofs.pending(request, t.code(), t.year(), d, now));
        if (phone.isEmpty()) {
            return page("phone", t, null, null, "survey.phone.alert.expired", HttpStatus.BAD_REQUEST, request, response, model);
        }
        if (!proofs.stepValid(token, t.code(), t.year(), device.get(), now)) {
            return page("code", t, null, null, "survey.phone.alert.expired", HttpStatus.BAD_REQUEST, request, response, model);
        }
        Optional<String> digits = sixDigits(written);
        if (digits.isEmpty()) {
            return page("code", t, written, "survey.phone.code.format", null, HttpStatus.BAD_REQUEST, request, response, model);
        }
        PhoneChecks.CheckResult checked = checks.check(t.code(), t.year(), phone.get(), digits.get());
        switch (checked.outcome()) {
            case RIGHT -> {
                if (checks.spent(t.code(), t.year(), phone.get())) {
                    describe(t, model);
                    response.setStatus(HttpStatus.CONFLICT.value());
                    model.addAttribute("notice", "phoneUsed");
                    return "survey/notice";
                }
                proofs.setProof(request, response, phone.get(), t.code(), t.year(), device.get(),
                        now.plus(properties.proofMaxAge()), properties.proofMaxAge());
                return toForm(t.code().value());
            }
            case WRONG -> {
                model.addAttribute("problemArg", checked.attemptsLeft());
                return page("code", t, written, "survey.phone.code.wrong", null, HttpStatus.BAD_REQUEST, request, response, model);
            }
            case USED_UP -> {
                return page("phone", t, null, null, "survey.phone.alert.usedUp", HttpStatus.BAD_REQUEST, request, response, model);
            }
            default -> {
                return page("phone", t, null, null, "survey.phone.alert.codeExpired", HttpStatus.BAD_REQUEST, request, response, model);
            }
        }
    }

    /** The phone form, shown where the questionnaire would be (the caller has put the agency and window in the model). */
    String askPhone(Agency agency, SurveyWindow window, HttpServletRequest request, HttpServletResponse response, Model model,
                    String alert, HttpStatus status) {
        return page("phone", new Target(agency, window), null, null, alert, status, request, response, model);
    }

    private String page(String step, Target t, String given, String problem, String alert, HttpStatus status,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        String device = respondents.device(request, response);
        describe(t, model);
        model.addAttribute("step", step);
        model.addAttribute("token", proofs.stepToken(t.code(), t.year(), device, clock.instant().plus(survey.formMaxAge())));
        model.addAttribute("given", given == null ? "" : given.strip().substring(0, Math.min(given.strip().length(), 40)));
        model.addAttribute("problem", problem);
        model.addAttribute("alert", alert);
        model.addAttribute("minutes", Math.max(1, properties.codeValidity().toMinutes()));
        return "survey/phone";
    }

    private static void describe(Target t, Model model) {
        model.addAttribute("agency", t.agency());
        model.addAttribute("agencyName", displayName(t.agency()));
        model.addAttribute("survey", SurveyPart.EIT_PUBLIC);
        model.addAttribute("window", t.window());
    }

    private Optional<Target> target(String code, Model model) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        Optional<Agency> agency = lookups.agencyOfLink(code);
        Optional<SurveyWindow> window = windows.today();
        if (agency.isEmpty() || window.isEmpty() || !window.get().open()) {
            return Optional.empty();
        }
        return Optional.of(new Target(agency.get(), window.get()));
    }

    /** Six digits, as typed from the SMS (spaces and Thai digits allowed). */
    static Optional<String> sixDigits(String written) {
        if (written == null || written.length() > 20) {
            return Optional.empty();
        }
        StringBuilder d = new StringBuilder();
        for (char c : org.openita.core.thai.ThaiFormat.toArabicDigits(written).toCharArray()) {
            if (c >= '0' && c <= '9') {
                d.append(c);
            } else if (c != ' ' && c != '-') {
                return Optional.empty();
            }
        }
        return d.length() == 6 ? Optional.of(d.toString()) : Optional.empty();
    }

    private static RedirectView toForm(String code) {
        return redirect("/s/eit/" + org.springframework.web.util.UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static RedirectView redirect(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }

    private static String displayName(Agency agency) {
        boolean english = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        return english && agency.nameEn() != null && !agency.nameEn().isBlank() ? agency.nameEn() : agency.nameTh();
    }
}
