package org.openita.server.survey.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openita.core.survey.AnswerCheck;
import org.openita.core.survey.Answers;
import org.openita.core.survey.Checked;
import org.openita.core.survey.FieldProblem;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.cycle.CycleService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The answer pages of staff and service users: plain forms that work without JavaScript, one page with a fieldset per
 * question. A submission is read and checked whole before the database is touched; it is acknowledged (303 to the
 * thank-you page) only after its transaction commits. A refused submission stores nothing and shows the form again
 * with the answers given and a message by each field.
 */
@Controller
class SurveyController {

    private final Lookups lookups;
    private final SurveyWindows windows;
    private final Respondents respondents;
    private final RateLimits limits;
    private final Bursts bursts;
    private final SurveyKeys keys;
    private final Intake intake;
    private final SurveyProperties properties;
    private final Clock clock;
    private final PhoneChecks phones;
    private final PhoneProofs phoneProofs;
    private final PhoneStep phoneStep;

    SurveyController(Lookups lookups, SurveyWindows windows, Respondents respondents, RateLimits limits, Bursts bursts,
                     SurveyKeys keys, Intake intake, SurveyProperties properties, Clock clock,
                     PhoneChecks phones, PhoneProofs phoneProofs, PhoneStep phoneStep) {
        this.lookups = lookups;
        this.windows = windows;
        this.respondents = respondents;
        this.limits = limits;
        this.bursts = bursts;
        this.keys = keys;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
        this.phones = phones;
        this.phoneProofs = phoneProofs;
        this.phoneStep = phoneStep;
    }

    /** Everything a request to an answer page has found out, or the page that answers it instead. */
    private record Target(SurveyPart part, Agency agency, SurveyWindow window, Questionnaire questionnaire) {
        AgencyCode code() {
            return agency.code();
        }

        int year() {
            return window.year().buddhistEra();
        }
    }

    @GetMapping("/s/iit/{code}")
    String iitForm(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        return form("iit", code, request, response, model, locale);
    }

    @GetMapping("/s/eit/{code}")
    String eitForm(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        return form("eit", code, request, response, model, locale);
    }

    @PostMapping("/s/iit/{code}")
    Object iitSubmit(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        return submit("iit", code, request, response, model, locale);
    }

    @PostMapping("/s/eit/{code}")
    Object eitSubmit(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        return submit("eit", code, request, response, model, locale);
    }

    @GetMapping("/s/iit/{code}/thanks")
    String iitThanks(@PathVariable String code, HttpServletResponse response, Model model) {
        return thanks("iit", code, response, model);
    }

    @GetMapping("/s/eit/{code}/thanks")
    String eitThanks(@PathVariable String code, HttpServletResponse response, Model model) {
        return thanks("eit", code, response, model);
    }

    private String form(String part, String code, HttpServletRequest request, HttpServletResponse response,
                Model model, Locale locale) {
        Object found = target(part, code, request, response, model, false);
        if (found instanceof String page) {
            return page;
        }
        Target t = (Target) found;
        if (phones.required(t.part()) && phoneProofs.proof(request, t.code(), t.year(), respondents.existingDevice(request),
                clock.instant()).isEmpty()) {
            // the phone check (ADR 0027): a browser that already answered is told so before it is asked for a phone
            if (properties.oneAnswerPerDevice() && respondents.answered(request, t.part(), t.code(), t.year())) {
                return notice(t, "answered", HttpStatus.OK, response, model);
            }
            return phoneStep.askPhone(t.agency(), t.window(), request, response, model, null, HttpStatus.OK);
        }
        String slip = t.part() == SurveyPart.IIT ? trimmed(request.getParameter("slip"), 40) : null;
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (slip != null) {
            // a slip from its QR code is checked before anyone answers: a spent or mistyped one is said at once
            Optional<SlipCodes.Slip> read = validSlip(t, slip);
            if (read.isEmpty()) {
                problems.add(slipProblem(slip));
            } else if (intake.spent(t.code(), t.year(), read.get().keyVersion(), read.get().serial())) {
                return notice(t, "slipUsed", HttpStatus.OK, response, model);
            }
        }
        return showForm(t, Map.of(), problems, slip, request, response, model, locale);
    }

    private Object submit(String part, String code, HttpServletRequest request, HttpServletResponse response,
                  Model model, Locale locale) {
        // the whole body, read now: nothing below waits on the client
        Map<String, String> submitted = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (k.startsWith("q.") && v.length > 0) {
                submitted.put(k, v[0]);
            }
        });
        String token = request.getParameter("t");
        String slipText = trimmed(request.getParameter("slip"), 40);
        Object found = target(part, code, request, response, model, true);
        if (found instanceof String page) {
            return page;
        }
        Target t = (Target) found;
        Instant now = clock.instant();
        Optional<String> device = respondents.existingDevice(request);
        Optional<Instant> opened = device.flatMap(d -> respondents.formOpened(token, t.part(), t.code(), t.year(), d, now,
                properties.formMaxAge()));
        Checked checked = AnswerCheck.check(t.questionnaire(), submitted);
        List<FieldProblem> problems = new java.util.ArrayList<>(checked instanceof Checked.Rejected r ? r.problems() : List.of());
        Optional<SlipCodes.Slip> slip = Optional.empty();
        if (slipAsked(t, slipText)) {
            slip = validSlip(t, slipText);
            if (slip.isEmpty()) {
                problems.add(0, slipProblem(slipText));
            }
        }
        Optional<byte[]> phone = phones.required(t.part()) ? phoneProofs.proof(request, t.code(), t.year(), device, now)
                : Optional.empty();
        if (phones.required(t.part()) && phone.isEmpty()) {
            // the phone check is on and this browser's proof is missing or too old: check the phone again first
            return phoneStep.askPhone(t.agency(), t.window(), request, response, model, "survey.phone.alert.required",
                    HttpStatus.BAD_REQUEST);
        }
        if (opened.isEmpty()) {
            // an expired form, another browser's form, or a post from another site: show the answers to send again
            model.addAttribute("expired", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showForm(t, submitted, problems, slipText, request, response, model, locale);
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showForm(t, submitted, problems, slipText, request, response, model, locale);
        }
        if (properties.oneAnswerPerDevice() && respondents.answered(request, t.part(), t.code(), t.year())) {
            return notice(t, "answered", HttpStatus.CONFLICT, response, model);
        }
        if (!limits.admit(request.getRemoteAddr(), device.orElseThrow())) {
            response.setHeader("Retry-After", Long.toString(limits.retryAfterSeconds()));
            return notice(t, "tooMany", HttpStatus.TOO_MANY_REQUESTS, response, model);
        }
        Answers answers = (Answers) checked;
        Intake.Quality quality = t.part() == SurveyPart.EIT_PUBLIC
                ? new Intake.Quality((int) Math.min(Integer.MAX_VALUE, Duration.between(opened.get(), now).toSeconds()),
                AnswerCheck.identical(answers), bursts.record(t.part() + "|" + t.code().value(), now))
                : null;
        try {
            intake.store(t.code(), t.year(), t.part(), CycleService.today(clock), answers.values(),
                    slip.map(s -> new Intake.SpentSlip(s.keyVersion(), s.serial())), phone.map(Intake.SpentPhone::new), quality);
        } catch (Intake.SlipAlreadyUsed e) {
            return notice(t, "slipUsed", HttpStatus.CONFLICT, response, model);
        } catch (Intake.PhoneAlreadyUsed e) {
            return notice(t, "phoneUsed", HttpStatus.CONFLICT, response, model);
        }
        if (properties.oneAnswerPerDevice()) {
            respondents.markAnswered(request, response, t.part(), t.code(), t.year());
        }
        // 303: the browser fetches the thank-you page with GET, and a reload there sends nothing again
        org.springframework.web.servlet.view.RedirectView thanks = new org.springframework.web.servlet.view.RedirectView(
                "/s/" + t.part().path() + "/" + t.code().value() + "/thanks", true);
        thanks.setStatusCode(HttpStatus.SEE_OTHER);
        return thanks;
    }

    private String thanks(String part, String code, HttpServletResponse response, Model model) {
        Optional<SurveyPart> p = SurveyPart.ofPath(part);
        Optional<Agency> agency = agency(code);
        if (p.isEmpty() || agency.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("notice", "noAgency");
            return "survey/notice";
        }
        model.addAttribute("agency", agency.get());
        model.addAttribute("agencyName", displayName(agency.get()));
        model.addAttribute("survey", p.get());
        model.addAttribute("notice", "thanks");
        windows.today().ifPresent(w -> model.addAttribute("window", w));
        return "survey/notice";
    }

    /** The IIT asks for a slip when one is given, and always once the agency has printed slips for the year. */
    private boolean slipAsked(Target t, String slip) {
        return t.part() == SurveyPart.IIT && (slip != null || lookups.slipsIssued(t.code(), t.year()));
    }

    private Optional<SlipCodes.Slip> validSlip(Target t, String text) {
        return SlipCodes.read(text).filter(s -> keys.slips(t.year(), s.keyVersion())
                .map(k -> SlipCodes.valid(k.secret(), t.year(), t.code(), s)).orElse(false));
    }

    private static FieldProblem slipProblem(String given) {
        return new FieldProblem("slip", given == null
                ? "กรุณากรอกรหัสจากบัตรตอบแบบสำรวจที่ได้รับ" : "รหัสบัตรไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง",
                given == null ? "Enter the code from the slip you were given" : "This slip code is not valid: check it and try again");
    }

    /** The target of an answer page, or the name of the page that says why there is none. */
    private Object target(String part, String code, HttpServletRequest request, HttpServletResponse response, Model model, boolean posting) {
        Optional<SurveyPart> p = SurveyPart.ofPath(part);
        Optional<Agency> agency = agency(code);
        if (p.isEmpty() || agency.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("notice", "noAgency");
            return "survey/notice";
        }
        model.addAttribute("agency", agency.get());
        model.addAttribute("agencyName", displayName(agency.get()));
        model.addAttribute("survey", p.get());
        Optional<SurveyWindow> window = windows.today();
        if (window.isEmpty() || !window.get().open()) {
            window.ifPresent(w -> model.addAttribute("window", w));
            model.addAttribute("today", CycleService.today(clock));
            model.addAttribute("notice", window.isEmpty() ? "noWindow"
                    : window.get().notYet(CycleService.today(clock)) ? "notYet" : "ended");
            response.setStatus(posting ? HttpStatus.CONFLICT.value() : HttpStatus.OK.value());
            return "survey/notice";
        }
        Optional<Questionnaire> questionnaire = lookups.questionnaire(window.get().year().buddhistEra(), p.get());
        if (questionnaire.isEmpty() || questionnaire.get().size() == 0) {
            model.addAttribute("notice", "noQuestionnaire");
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return "survey/notice";
        }
        model.addAttribute("window", window.get());
        return new Target(p.get(), agency.get(), window.get(), questionnaire.get());
    }

    private String showForm(Target t, Map<String, String> given, List<FieldProblem> problems, String slip,
                            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        if (!model.containsAttribute("expired") && properties.oneAnswerPerDevice()
                && respondents.answered(request, t.part(), t.code(), t.year())) {
            model.addAttribute("notice", "answered");
            return "survey/notice";
        }
        String device = respondents.device(request, response);
        model.addAttribute("questionnaire", t.questionnaire());
        model.addAttribute("token", respondents.formToken(t.part(), t.code(), t.year(), device, clock.instant()));
        model.addAttribute("given", given);
        model.addAttribute("problems", problems);
        Map<String, FieldProblem> byField = new LinkedHashMap<>();
        problems.forEach(pr -> byField.putIfAbsent(pr.field(), pr));
        model.addAttribute("problemOf", byField);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("slip", "f-slip");
        t.questionnaire().fields().forEach(f -> ids.put(f.name(), elementId(f.name())));
        model.addAttribute("ids", ids);
        model.addAttribute("slip", slip);
        model.addAttribute("slipAsked", slipAsked(t, slip));
        model.addAttribute("en", "en".equals(locale.getLanguage()));
        return "survey/form";
    }

    private static String notice(Target t, String which, HttpStatus status, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("notice", which);
        return "survey/notice";
    }

    /** The agency of a link, also when the code was typed in lower case from a poster. */
    private Optional<Agency> agency(String code) {
        return AgencyCode.parse(code).flatMap(lookups::agency)
                .or(() -> AgencyCode.parse(code.toUpperCase(Locale.ROOT)).flatMap(lookups::agency));
    }

    /** The agency's English name on the English pages, when the registry has one. */
    private static String displayName(Agency agency) {
        boolean english = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        return english && agency.nameEn() != null && !agency.nameEn().isBlank() ? agency.nameEn() : agency.nameTh();
    }

    /** The id of a field's element: "q.i4.a" becomes "f-i4-a". */
    static String elementId(String field) {
        String bare = field.startsWith("q.") ? field.substring(2) : field;
        return "f-" + bare.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static String trimmed(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }
}
