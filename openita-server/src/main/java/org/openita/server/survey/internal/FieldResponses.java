package org.openita.server.survey.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.openita.core.framework.FiscalYear;
import org.openita.core.survey.Answers;
import org.openita.core.survey.Checked;
import org.openita.core.survey.FieldProblem;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.AgencyCode;
import org.openita.server.cycle.CycleService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores the EIT part 2 answers assessors send from their devices, each under the identifier its device gave it, so
 * that sending is idempotent (docs/adr/0031-eit-part-2-in-the-field.md). Whether an identifier is new is decided by the
 * primary key of field_response in the storing transaction, never by a read before it: any number of sends of one
 * identifier at once store one response.
 */
@Component
class FieldResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How the assessor reached the respondent. */
    enum Mode { IN_PERSON, TELEPHONE, VIDEO }

    /**
     * One answer as the device sent it, shape already checked: {@code answers} by answer key (question code, or code
     * and sub-item joined by a dot), {@code answeredOn} the device's day or null.
     */
    record Sent(UUID id, AgencyCode agency, FiscalYear year, Mode mode, LocalDate answeredOn, Map<String, String> answers) {
        Sent {
            answers = Map.copyOf(answers);
        }

        /**
         * The SHA-256 of the content, written in one fixed order: a resend of the same answer has the same hash
         * whatever order its JSON came in.
         */
        byte[] hash() {
            StringBuilder s = new StringBuilder();
            s.append(agency.value()).append('\n').append(year.buddhistEra()).append('\n').append(mode).append('\n')
                    .append(answeredOn == null ? "" : answeredOn.toString()).append('\n');
            new TreeMap<>(answers).forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
            try {
                return MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What became of a send. */
    sealed interface Outcome {
        /** Stored now. */
        record Stored() implements Outcome {
        }

        /** Stored before under this identifier with the same content: nothing new stored. */
        record AlreadyStored() implements Outcome {
        }

        /** Stored before under this identifier with other content (or by another assessor): the first is kept. */
        record Conflict() implements Outcome {
        }

        /** The year's surveys take no more answers: closed by the central administrator, or their phase has ended. */
        record Closed() implements Outcome {
        }

        /** The year's surveys do not take answers yet (or the year has no survey phase or no definition). */
        record NotOpen() implements Outcome {
        }

        /** The answers do not fit the year's EIT part 2 questionnaire. */
        record Invalid(List<FieldProblem> problems) implements Outcome {
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Lookups lookups;
    private final SurveyWindows windows;
    private final CycleService cycles;
    private final org.openita.server.audit.AuditTrail audit;
    private final Clock clock;

    FieldResponses(JdbcClient jdbc, PlatformTransactionManager transactions, Lookups lookups, SurveyWindows windows,
                   CycleService cycles, org.openita.server.audit.AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.lookups = lookups;
        this.windows = windows;
        this.cycles = cycles;
        this.clock = clock;
    }

    /**
     * Stores one answer sent by {@code assessor}, who may see its agency (the caller checked). A resend is answered by
     * what was stored before, also after the collection has closed: the device may have missed the first answer.
     */
    Outcome send(String assessor, Sent sent) {
        byte[] hash = sent.hash();
        Optional<Outcome> before = earlier(assessor, sent.id(), hash);
        if (before.isPresent()) {
            return before.get();
        }
        Optional<SurveyWindow> window = windows.today().filter(w -> w.year().equals(sent.year()));
        LocalDate today = cycles.today();
        if (windows.over(sent.year())) {
            return new Outcome.Closed();
        }
        if (window.isEmpty() || !window.get().open()) {
            return new Outcome.NotOpen();
        }
        Optional<Questionnaire> questionnaire = lookups.questionnaire(sent.year().buddhistEra(), SurveyPart.EIT_SURVEY);
        if (questionnaire.isEmpty() || questionnaire.get().fields().isEmpty()) {
            return new Outcome.NotOpen();
        }
        Map<String, String> fields = new TreeMap<>();
        sent.answers().forEach((k, v) -> fields.put(Questionnaire.FIELD_PREFIX + k, v));
        Checked checked = org.openita.core.survey.AnswerCheck.check(questionnaire.get(), fields);
        if (checked instanceof Checked.Rejected r) {
            return new Outcome.Invalid(r.problems());
        }
        Answers answers = (Answers) checked;
        // the device's day when it is a day of the collection so far; else (a device clock gone wrong) today
        LocalDate day = sent.answeredOn() != null && !sent.answeredOn().isAfter(today)
                && !sent.answeredOn().isBefore(window.get().startsOn()) ? sent.answeredOn() : today;
        Boolean stored = tx.execute(status -> {
            UUID response = UUID.randomUUID();
            jdbc.sql("insert into survey_response (id, agency_code, fiscal_year, part, answered_on, answers)"
                            + " values (?, ?, ?, 'EIT_SURVEY', ?, ?::jsonb)")
                    .params(response, sent.agency().value(), sent.year().buddhistEra(), day, JSON.writeValueAsString(answers.values()))
                    .update();
            int inserted = jdbc.sql("insert into field_response (id, response_id, fiscal_year, agency_code, assessor, mode, content_hash,"
                            + " received_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing")
                    .params(sent.id(), response, sent.year().buddhistEra(), sent.agency().value(), assessor, sent.mode().name(), hash,
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            if (inserted == 0) {
                status.setRollbackOnly(); // another send of this identifier stored first: take back this response
                return false;
            }
            // the audit trail is the central administrator's (never the agency's): who collected it, how and when
            audit.record(assessor, "FIELD_RESPONSE_STORED", "agency:" + sent.agency().value(), null,
                    Map.of("year", sent.year().buddhistEra(), "mode", sent.mode().name(), "device", sent.id().toString()));
            return true;
        });
        if (Boolean.TRUE.equals(stored)) {
            return new Outcome.Stored();
        }
        return earlier(assessor, sent.id(), hash).orElseThrow(() -> new IllegalStateException("field response " + sent.id()
                + " was neither stored nor found"));
    }

    /** What a send of an identifier stored before gets: the same content by the same assessor is a resend. */
    private Optional<Outcome> earlier(String assessor, UUID id, byte[] hash) {
        return jdbc.sql("select assessor, content_hash from field_response where id = ?").param(id)
                .query((rs, i) -> (Outcome) (rs.getString(1).equalsIgnoreCase(assessor) && MessageDigest.isEqual(rs.getBytes(2), hash)
                        ? new Outcome.AlreadyStored() : new Outcome.Conflict()))
                .optional();
    }
}
