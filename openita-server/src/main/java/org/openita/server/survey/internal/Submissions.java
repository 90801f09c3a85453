package org.openita.server.survey.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.stereotype.Component;

/**
 * A submitted answer form that can be stored as it is, and storing it. Both the answer pages' controller and the
 * intake's quick path ({@link QuickSubmit}) go through here, so a complete answer is judged and stored one way only.
 * {@link #judge} has no effect on anything: it only reads the request and the cached look-ups; what it finds wrong or
 * missing, the controller's page shows.
 */
@Component
class Submissions {

    /** What a submitted form is. */
    sealed interface Verdict permits Ready, NotReady, Unavailable {
    }

    /** No survey of that part and agency takes answers today (the controller's page says which case it is). */
    enum Unavailable implements Verdict { INSTANCE }

    /**
     * A submission that cannot be stored as it is, with everything found wrong: the answers and slip as given (to show
     * again), the problems by field, whether the form's token was missing, another browser's or too old, whether the
     * phone proof is missing, and whether this browser has answered already.
     */
    record NotReady(Map<String, String> submitted, String slip, List<FieldProblem> problems, boolean expired,
                    boolean phoneMissing, boolean answered) implements Verdict {
    }

    /** A submission with nothing wrong: every answer checked, its form token valid, its slip or phone proof good. */
    record Ready(SurveyPart part, Agency agency, int year, Answers answers, Optional<SlipCodes.Slip> slip,
                 Optional<byte[]> phone, String device, Instant opened) implements Verdict {
        AgencyCode code() {
            return agency.code();
        }

        /** Where the browser goes once the answer is stored: the thank-you page, fetched with GET. */
        String thanksPath() {
            return "/s/" + part.path() + "/" + agency.code().value() + "/thanks";
        }
    }

    /** What became of storing a ready submission. */
    enum Outcome { STORED, TOO_MANY, SLIP_USED, PHONE_USED }

    private final Lookups lookups;
    private final SurveyWindows windows;
    private final Respondents respondents;
    private final RateLimits limits;
    private final Bursts bursts;
    private final SurveyKeys keys;
    private final Intake intake;
    private final SurveyProperties properties;
    private final PhoneChecks phones;
    private final PhoneProofs phoneProofs;
    private final Clock clock;

    Submissions(Lookups lookups, SurveyWindows windows, Respondents respondents, RateLimits limits, Bursts bursts,
                SurveyKeys keys, Intake intake, SurveyProperties properties, PhoneChecks phones, PhoneProofs phoneProofs,
                Clock clock) {
        this.lookups = lookups;
        this.windows = windows;
        this.respondents = respondents;
        this.limits = limits;
        this.bursts = bursts;
        this.keys = keys;
        this.intake = intake;
        this.properties = properties;
        this.phones = phones;
        this.phoneProofs = phoneProofs;
        this.clock = clock;
    }

    /** The answers of a submitted form: its {@code q.} fields, first value each. */
    static Map<String, String> submitted(HttpServletRequest request) {
        Map<String, String> submitted = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (k.startsWith("q.") && v.length > 0) {
                submitted.put(k, v[0]);
            }
        });
        return submitted;
    }

    /** The IIT asks for a slip when one is given, and always once the agency has printed slips for the year. */
    boolean slipAsked(SurveyPart part, AgencyCode agency, int year, String slip) {
        return part == SurveyPart.IIT && (slip != null || lookups.slipsIssued(agency, year));
    }

    /** The slip {@code text} names, if it is one of this agency's slips for the year (spent or not). */
    Optional<SlipCodes.Slip> validSlip(AgencyCode agency, int year, String text) {
        return SlipCodes.read(text).filter(s -> keys.slips(year, s.keyVersion())
                .map(k -> SlipCodes.valid(k.secret(), year, agency, s)).orElse(false));
    }

    /**
     * What a submission to {@code /s/{part}/{code}} is: {@link Ready} to be stored as it is (the survey is open today,
     * every answer checks against the year's questionnaire, the form's token is this browser's and not too old, the slip
     * when asked and the phone proof when the phone check is on are good, and the browser has not answered already);
     * {@link NotReady} with everything found wrong; or {@link Unavailable} when there is no such survey open today.
     */
    Verdict judge(String part, String code, HttpServletRequest request, Instant now) {
        Optional<SurveyPart> p = SurveyPart.ofPath(part);
        Optional<Agency> agency = p.isEmpty() ? Optional.empty() : lookups.agencyOfLink(code);
        Optional<SurveyWindow> window = windows.today();
        if (agency.isEmpty() || window.isEmpty() || !window.get().open()) {
            return Unavailable.INSTANCE;
        }
        int year = window.get().year().buddhistEra();
        AgencyCode a = agency.get().code();
        Optional<Questionnaire> questionnaire = lookups.questionnaire(year, p.get());
        if (questionnaire.isEmpty() || questionnaire.get().size() == 0) {
            return Unavailable.INSTANCE;
        }
        Map<String, String> submitted = submitted(request);
        Optional<String> device = respondents.existingDevice(request);
        Optional<Instant> opened = device.flatMap(d -> respondents.formOpened(request.getParameter("t"), p.get(), a, year, d, now,
                properties.formMaxAge()));
        Checked checked = AnswerCheck.check(questionnaire.get(), submitted);
        List<FieldProblem> problems = new ArrayList<>(checked instanceof Checked.Rejected r ? r.problems() : List.of());
        String slipText = SurveyController.trimmed(request.getParameter("slip"), 40);
        Optional<SlipCodes.Slip> slip = Optional.empty();
        if (slipAsked(p.get(), a, year, slipText)) {
            slip = validSlip(a, year, slipText);
            if (slip.isEmpty()) {
                problems.add(0, slipProblem(slipText));
            }
        }
        Optional<byte[]> phone = phones.required(p.get()) ? phoneProofs.proof(request, a, year, device, now) : Optional.empty();
        boolean phoneMissing = phones.required(p.get()) && phone.isEmpty();
        boolean answered = properties.oneAnswerPerDevice() && respondents.answered(request, p.get(), a, year);
        if (opened.isPresent() && problems.isEmpty() && !phoneMissing && !answered) {
            return new Ready(p.get(), agency.get(), year, (Answers) checked, slip, phone, device.orElseThrow(), opened.get());
        }
        return new NotReady(submitted, slipText, List.copyOf(problems), opened.isEmpty(), phoneMissing, answered);
    }

    /** The problem of a slip code not given or not valid. */
    static FieldProblem slipProblem(String given) {
        return new FieldProblem("slip", given == null
                ? "กรุณากรอกรหัสจากบัตรตอบแบบสำรวจที่ได้รับ" : "รหัสบัตรไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง",
                given == null ? "Enter the code from the slip you were given" : "This slip code is not valid: check it and try again");
    }

    /**
     * Stores a ready submission, within the rate limits, and marks the browser as having answered. Returns once the
     * answer is committed ({@link Outcome#STORED}), or says why nothing was stored.
     */
    Outcome store(Ready r, HttpServletRequest request, HttpServletResponse response, Instant now) {
        if (!limits.admit(request.getRemoteAddr(), r.device())) {
            return Outcome.TOO_MANY;
        }
        Intake.Quality quality = r.part() == SurveyPart.EIT_PUBLIC
                ? new Intake.Quality((int) Math.min(Integer.MAX_VALUE, Duration.between(r.opened(), now).toSeconds()),
                AnswerCheck.identical(r.answers()), bursts.record(r.part() + "|" + r.code().value(), now))
                : null;
        try {
            intake.store(r.code(), r.year(), r.part(), CycleService.today(clock), r.answers().values(),
                    r.slip().map(s -> new Intake.SpentSlip(s.keyVersion(), s.serial())), r.phone().map(Intake.SpentPhone::new),
                    quality);
        } catch (Intake.SlipAlreadyUsed e) {
            return Outcome.SLIP_USED;
        } catch (Intake.PhoneAlreadyUsed e) {
            return Outcome.PHONE_USED;
        }
        if (properties.oneAnswerPerDevice()) {
            respondents.markAnswered(request, response, r.part(), r.code(), r.year());
        }
        return Outcome.STORED;
    }

    /** Seconds a browser refused by the rate limits is asked to wait. */
    long retryAfterSeconds() {
        return limits.retryAfterSeconds();
    }
}
