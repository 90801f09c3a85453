package org.openita.server.survey.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.agency.AgencyCode;
import org.openita.server.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an assessor's device sends the EIT part 2 answers it recorded: {@code PUT /api/v1/field/responses/{id}} with
 * the identifier the device gave the answer, under the device's personal API token (docs/adr/0031). Idempotent: 201
 * when stored, 200 when this answer was stored before, 409 {@code field-response-conflict} when the identifier was
 * stored with other content, 409 {@code field-collection-closed} / {@code field-collection-not-open} outside the
 * collection. The body is read here, at most {@link #MAX_BODY} bytes, before anything else is done with it.
 */
@RestController
class FieldResponsesApi {

    static final int MAX_BODY = 64 * 1024;
    private static final String TYPE = "https://openita.org/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FieldResponses responses;
    private final AgencyAccess access;

    FieldResponsesApi(FieldResponses responses, AgencyAccess access) {
        this.responses = responses;
        this.access = access;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Send one EIT part 2 answer recorded on an assessor's device",
            description = "The address ends with the identifier the device gave the answer (a UUID). The body: {\"agency\": \"CODE\", "
                    + "\"year\": 2569, \"mode\": \"IN_PERSON\" | \"TELEPHONE\" | \"VIDEO\", \"answeredOn\": \"2026-12-01\", "
                    + "\"answers\": {\"e1\": \"5\", ...}} with every question of the year's EIT part 2 answered by an option code. "
                    + "201 stored; 200 stored before with the same content (nothing new); 409 field-response-conflict (stored before "
                    + "with other content, the first kept), field-collection-closed or field-collection-not-open; 422 field-answers-invalid "
                    + "with a problem per question; 400 field-request-invalid; 413 over 64 KB. Only an assessor assigned to the agency.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "the answer", content =
            @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @PutMapping("/api/v1/field/responses/{id}")
    ResponseEntity<?> send(@PathVariable("id") String id, HttpServletRequest request, Authentication auth) throws IOException {
        if (!AgencyAccess.has(auth, Role.ASSESSOR)) {
            return problem(HttpStatus.FORBIDDEN, "forbidden", "only an assessor's device sends EIT part 2 answers",
                    "ส่งคำตอบ EIT ส่วนที่ 2 ได้จากอุปกรณ์ของผู้ประเมินเท่านั้น", List.of());
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return invalid("the address must end with the answer's identifier, a UUID", "ท้ายที่อยู่ต้องเป็นรหัสของคำตอบ (UUID)");
        }
        if (!uuid.toString().equalsIgnoreCase(id)) {
            return invalid("the address must end with the answer's identifier, a UUID", "ท้ายที่อยู่ต้องเป็นรหัสของคำตอบ (UUID)");
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "send the answer as application/json",
                    "กรุณาส่งคำตอบเป็น application/json", List.of());
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            return tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return tooLarge();
        }
        Parsed parsed = parse(uuid, body);
        if (parsed.problem != null) {
            return parsed.problem;
        }
        FieldResponses.Sent sent = parsed.sent;
        if (!access.canSee(auth, sent.agency())) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "nothing here, or you may not see it", "ไม่พบข้อมูล หรือคุณไม่มีสิทธิ์เข้าถึง", List.of());
        }
        FieldResponses.Outcome outcome = responses.send(auth.getName(), sent);
        if (outcome instanceof FieldResponses.Outcome.Stored) {
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/field/responses/" + uuid))
                    .body(Map.of("id", uuid.toString(), "status", "stored"));
        }
        if (outcome instanceof FieldResponses.Outcome.AlreadyStored) {
            return ResponseEntity.ok(Map.of("id", uuid.toString(), "status", "already-stored"));
        }
        if (outcome instanceof FieldResponses.Outcome.Conflict) {
            return problem(HttpStatus.CONFLICT, "field-response-conflict",
                    "an answer with this identifier was stored before with other content; the first one is kept",
                    "มีคำตอบรหัสนี้บันทึกไว้แล้วด้วยเนื้อหาอื่น ระบบเก็บคำตอบที่ส่งมาครั้งแรกไว้", List.of());
        }
        String year = Integer.toString(sent.year().buddhistEra());
        if (outcome instanceof FieldResponses.Outcome.Closed) {
            return problem(HttpStatus.CONFLICT, "field-collection-closed", "the collection of " + year + " has closed: answers are no longer taken",
                    "การเก็บข้อมูลปี " + year + " ปิดแล้ว ไม่รับคำตอบเพิ่ม", List.of());
        }
        if (outcome instanceof FieldResponses.Outcome.Invalid i) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "field-answers-invalid",
                    "the answers do not fit the year's EIT part 2 questionnaire", "คำตอบไม่ตรงกับแบบสำรวจ EIT ส่วนที่ 2 ของปีนี้",
                    i.problems().stream().map(p -> Map.of("field", p.field().substring(org.openita.core.survey.Questionnaire.FIELD_PREFIX.length()),
                            "detail", p.en(), "detailTh", p.th())).toList());
        }
        return problem(HttpStatus.CONFLICT, "field-collection-not-open", "the collection of " + year + " is not open",
                "การเก็บข้อมูลปี " + year + " ยังไม่เปิด", List.of());
    }

    private record Parsed(FieldResponses.Sent sent, ResponseEntity<ProblemDetail> problem) {
    }

    /** The body as an answer, or the 400 that says what is wrong with it and where. */
    private static Parsed parse(UUID id, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return new Parsed(null, invalid("the body is not JSON", "ข้อมูลที่ส่งมาไม่ใช่ JSON"));
        }
        if (root == null || !root.isObject()) {
            return new Parsed(null, invalid("the body must be a JSON object", "ข้อมูลที่ส่งมาต้องเป็นออบเจกต์ JSON"));
        }
        Optional<AgencyCode> agency = text(root, "agency").flatMap(AgencyCode::parse);
        if (agency.isEmpty()) {
            return new Parsed(null, invalid("agency: an agency code is needed", "agency: ต้องระบุรหัสหน่วยงาน"));
        }
        JsonNode y = root.get("year");
        if (y == null || !y.isIntegralNumber() || y.asInt() < 2500 || y.asInt() > 2700) {
            return new Parsed(null, invalid("year: a Buddhist-era fiscal year is needed, e.g. 2569", "year: ต้องระบุปีงบประมาณ พ.ศ. เช่น 2569"));
        }
        Optional<FieldResponses.Mode> mode = text(root, "mode").flatMap(m -> {
            try {
                return Optional.of(FieldResponses.Mode.valueOf(m));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        if (mode.isEmpty()) {
            return new Parsed(null, invalid("mode: IN_PERSON, TELEPHONE or VIDEO is needed",
                    "mode: ต้องระบุช่องทางที่ติดต่อ IN_PERSON (พบตัว) TELEPHONE (โทรศัพท์) หรือ VIDEO (ประชุมทางวิดีโอ)"));
        }
        LocalDate day = null;
        JsonNode d = root.get("answeredOn");
        if (d != null && !d.isNull()) {
            try {
                day = LocalDate.parse(d.isString() ? d.asString() : "");
            } catch (DateTimeParseException e) {
                return new Parsed(null, invalid("answeredOn: a date written as 2026-12-01 is needed", "answeredOn: ต้องเป็นวันที่แบบ 2026-12-01"));
            }
        }
        JsonNode a = root.get("answers");
        if (a == null || !a.isObject()) {
            return new Parsed(null, invalid("answers: an object of answers by question is needed", "answers: ต้องส่งคำตอบรายข้อเป็นออบเจกต์"));
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (var e : a.properties()) {
            if (!e.getValue().isString() && !e.getValue().isIntegralNumber()) {
                String at = org.openita.server.web.TextInput.quote(e.getKey(), 40);
                return new Parsed(null, invalid("answers." + at + ": an option code is needed", "answers." + at + ": ต้องเป็นรหัสตัวเลือก"));
            }
            answers.put(e.getKey(), e.getValue().asString());
        }
        return new Parsed(new FieldResponses.Sent(id, agency.get(), FiscalYear.of(y.asInt()), mode.get(), day, answers), null);
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n != null && n.isString() ? Optional.of(n.asString()) : Optional.empty();
    }

    private static ResponseEntity<ProblemDetail> invalid(String en, String th) {
        return problem(HttpStatus.BAD_REQUEST, "field-request-invalid", en, th, List.of());
    }

    private static ResponseEntity<ProblemDetail> tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "the body is longer than " + MAX_BODY + " bytes",
                "ข้อมูลที่ส่งมายาวเกิน " + MAX_BODY + " ไบต์", List.of());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String en, String th, List<?> problems) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, en);
        pd.setType(URI.create(TYPE + code));
        pd.setTitle(status.getReasonPhrase());
        // left unset, Spring would repeat the whole address, however long the sender made it
        pd.setInstance(URI.create("/api/v1/field/responses"));
        pd.setProperty("code", code);
        pd.setProperty("detailTh", th);
        if (!problems.isEmpty()) {
            pd.setProperty("problems", problems);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
