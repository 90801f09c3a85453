package org.openita.server.survey.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openita.core.framework.LocalizedText;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.identity.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an assessor's device keeps to record EIT part 2 answers with no network: the running survey year, the agencies
 * assigned to the assessor (code and name only: no contact of the agency's list goes to a device, ADR 0031) and the
 * year's EIT part 2 questionnaire with its wording in Thai and English and its answer scales.
 */
@RestController
@Tag(name = "Field collection", description = "EIT part 2, collected by assessors on their devices")
class FieldPackageApi {

    /** A question's text in both languages. */
    record Text(String th, String en) {
        static Text of(LocalizedText t) {
            return new Text(t.th(), t.en());
        }
    }

    record AgencyEntry(String code, String nameTh, String nameEn) {
    }

    record Option(String code, Text label) {
    }

    /** One answer: {@code key} is what the answers are keyed by when sent ({@code e1}, or {@code e4.a} for a sub-item). */
    record FieldEntry(String key, String number, Text subItem) {
    }

    record Item(int number, String code, Text text, List<FieldEntry> fields, List<Option> options) {
    }

    record Group(int indicator, Text name, List<Item> items) {
    }

    /**
     * @param year the Buddhist-era fiscal year whose survey phase runs today (or the nearest one)
     * @param open whether that year takes answers today
     */
    record FieldPackage(int year, boolean open, List<AgencyEntry> agencies, List<Group> questionnaire) {
    }

    private final SurveyWindows windows;
    private final Lookups lookups;
    private final AgencyAccess access;

    FieldPackageApi(SurveyWindows windows, Lookups lookups, AgencyAccess access) {
        this.windows = windows;
        this.lookups = lookups;
        this.access = access;
    }

    @Operation(summary = "What an assessor's device needs to record EIT part 2 answers offline",
            description = "The running survey year, the agencies assigned to you (code and name) and the year's EIT part 2 "
                    + "questions with their answer options. Assessors only.")
    @GetMapping(path = "/api/v1/field/package", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> fieldPackage(Authentication auth) {
        if (!AgencyAccess.has(auth, Role.ASSESSOR)) {
            return problem(HttpStatus.FORBIDDEN, "field-assessors-only", "only an assessor's device collects EIT part 2 answers",
                    "เฉพาะอุปกรณ์ของผู้ประเมินเท่านั้นที่เก็บคำตอบ EIT ส่วนที่ 2 ได้");
        }
        Optional<SurveyWindow> window = windows.today();
        if (window.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "field-no-survey-year", "no fiscal year has a survey phase in its calendar",
                    "ยังไม่มีปีงบประมาณใดกำหนดช่วงเก็บแบบสำรวจในปฏิทิน");
        }
        int year = window.get().year().buddhistEra();
        Optional<Questionnaire> questionnaire;
        try {
            questionnaire = lookups.questionnaire(year, SurveyPart.EIT_SURVEY);
        } catch (IllegalArgumentException e) {
            questionnaire = Optional.empty(); // the year's definition has no EIT part 2
        }
        if (questionnaire.isEmpty() || questionnaire.get().size() == 0) {
            return problem(HttpStatus.NOT_FOUND, "field-no-questionnaire", "fiscal year " + year + " has no EIT part 2 questionnaire",
                    "ปีงบประมาณ " + year + " ไม่มีแบบสำรวจ EIT ส่วนที่ 2 ในเกณฑ์การประเมิน");
        }
        List<AgencyEntry> agencies = access.visible(auth).stream().flatMap(c -> lookups.agency(c).stream())
                .map(a -> new AgencyEntry(a.code().value(), a.nameTh(), a.nameEn()))
                .sorted(Comparator.comparing(AgencyEntry::code)).toList();
        boolean open = window.get().open() && !windows.over(window.get().year());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new FieldPackage(year, open, agencies, groups(questionnaire.get())));
    }

    static List<Group> groups(Questionnaire q) {
        return q.groups().stream().map(g -> new Group(g.indicator().number(), Text.of(g.indicator().name()), g.items().stream()
                .map(i -> new Item(i.number(), i.question().code(), Text.of(i.question().summary()),
                        i.fields().stream().map(f -> new FieldEntry(f.answerKey(), f.number(),
                                f.subItem().map(s -> Text.of(s.summary())).orElse(null))).toList(),
                        i.scale().options().stream().map(o -> new Option(o.code(), Text.of(o.label()))).toList()))
                .toList())).toList();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String en, String th) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, en);
        pd.setType(URI.create("https://openita.org/problems/" + code));
        pd.setTitle(status.getReasonPhrase());
        pd.setInstance(URI.create("/api/v1/field/package"));
        pd.setProperty("code", code);
        pd.setProperty("detailTh", th);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
