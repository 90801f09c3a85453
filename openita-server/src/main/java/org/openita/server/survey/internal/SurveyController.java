package org.openita.server.survey.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private final Submissions submissions;
    private final Intake intake;
    private final SurveyProperties properties;
    private final Clock clock;
    private final PhoneChecks phones;
    private final PhoneProofs phoneProofs;
    private final PhoneStep phoneStep;

    SurveyController(Lookups lookups, SurveyWindows windows, Respondents respondents, Submissions submissions,
                     Intake intake, SurveyProperties properties, Clock clock,
                     PhoneChecks phones, PhoneProofs phoneProofs, PhoneStep phoneStep) {
        this.lookups = lookups;
        this.windows = windows;
        this.respondents = respondents;
        this.submissions = submissions;
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
            Optional<SlipCodes.Slip> read = submissions.validSlip(t.code(), t.year(), slip);
            if (read.isEmpty()) {
                problems.add(Submissions.slipProblem(slip));
            } else if (intake.spent(t.code(), t.year(), read.get().keyVersion(), read.get().serial())) {
                return notice(t, "slipSpent", HttpStatus.OK, response, model);
            }
        }
        return showForm(t, Map.of(), problems, slip, request, response, model, locale);
    }

    private Object submit(String part, String code, HttpServletRequest request, HttpServletResponse response,
                  Model model, Locale locale) {
        Object found = target(part, code, request, response, model, true);
        if (found instanceof String page) {
            return page;
        }
        Target t = (Target) found;
        Instant now = clock.instant();
        // a complete answer the quick path could not store (limits, a slip or phone used meanwhile) says why here
        if (request.getAttribute(QuickSubmit.OUTCOME) instanceof Submissions.Outcome outcome) {
            return refused(t, outcome, response, model);
        }
        Submissions.Verdict verdict = submissions.judge(part, code, request, now);
        if (verdict instanceof Submissions.Ready ready) {
            Submissions.Outcome outcome = submissions.store(ready, request, response, now);
            if (outcome != Submissions.Outcome.STORED) {
                return refused(t, outcome, response, model);
            }
            // 303: the browser fetches the thank-you page with GET, and a reload there sends nothing again
            org.springframework.web.servlet.view.RedirectView thanks = new org.springframework.web.servlet.view.RedirectView(
                    ready.thanksPath(), true);
            thanks.setStatusCode(HttpStatus.SEE_OTHER);
            return thanks;
        }
        if (!(verdict instanceof Submissions.NotReady wrong)) {
            // the survey closed between the two looks: the form again, to send once more
            model.addAttribute("expired", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showForm(t, Submissions.submitted(request), List.of(), trimmed(request.getParameter("slip"), 40), request,
                    response, model, locale);
        }
        // not storable as it is: say what is wrong or missing, in the order a respondent can act on it
        if (wrong.phoneMissing()) {
            // the phone check is on and this browser's proof is missing or too old: check the phone again first
            return phoneStep.askPhone(t.agency(), t.window(), request, response, model, "survey.phone.alert.required",
                    HttpStatus.BAD_REQUEST);
        }
        if (wrong.expired() || !wrong.problems().isEmpty()) {
            // an expired form, another browser's form, or a post from another site: show the answers to send again
            if (wrong.expired()) {
                model.addAttribute("expired", true);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showForm(t, wrong.submitted(), wrong.problems(), wrong.slip(), request, response, model, locale);
        }
        return notice(t, "answered", HttpStatus.CONFLICT, response, model);
    }

    /** The page of a complete answer that was not stored, and why. */
    private String refused(Target t, Submissions.Outcome outcome, HttpServletResponse response, Model model) {
        return switch (outcome) {
            case TOO_MANY -> {
                response.setHeader("Retry-After", Long.toString(submissions.retryAfterSeconds()));
                yield notice(t, "tooMany", HttpStatus.TOO_MANY_REQUESTS, response, model);
            }
            case SLIP_USED -> notice(t, "slipUsed", HttpStatus.CONFLICT, response, model);
            case PHONE_USED -> notice(t, "phoneUsed", HttpStatus.CONFLICT, response, model);
            case STORED -> throw new IllegalStateException("a stored answer is not refused");
        };
    }

    private String thanks(String part, String code, HttpServletResponse response, Model model) {
        Optional<SurveyPart> p = SurveyPart.ofPath(part);
        Optional<Agency> agency = lookups.agencyOfLink(code);
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




    /** The target of an answer page, or the name of the page that says why there is none. */
    private Object target(String part, String code, HttpServletRequest request, HttpServletResponse response, Model model, boolean posting) {
        Optional<SurveyPart> p = SurveyPart.ofPath(part);
        Optional<Agency> agency = lookups.agencyOfLink(code);
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
        model.addAttribute("slipAsked", submissions.slipAsked(t.part(), t.code(), t.year(), slip));
        model.addAttribute("en", "en".equals(locale.getLanguage()));
        return "survey/form";
    }

    private static String notice(Target t, String which, HttpStatus status, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("notice", which);
        return "survey/notice";
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

    static String trimmed(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }
}
