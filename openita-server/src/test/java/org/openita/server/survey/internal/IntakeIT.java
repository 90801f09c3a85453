package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyCode;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The intake's group commit against the embedded PostgreSQL: many responses sent at once are all stored, in fewer
 * transactions than responses; a slip or a phone sent sixteen times at once is spent once; a row that cannot be stored does not
 * refuse the others of its batch; a stopped intake acknowledges nothing.
 */
class IntakeIT extends ServerTestSupport {

    private static final int YEAR = 2569;
    private static final Map<String, String> ANSWERS = Map.of("e1", "6", "e2", "5");

    @Autowired
    Intake intake;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SurveyProperties properties;

    private long stored(AgencyCode agency) {
        return jdbc.sql("select count(*) from survey_response where agency_code = ?").param(agency.value()).query(Long.class).single();
    }

    /** Runs {@code tasks} at the same moment on threads of their own and returns what each did. */
    private static <T> List<Future<T>> allAtOnce(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return task.call();
            }));
        }
        ready.await();
        go.countDown();
        pool.shutdown();
        return futures;
    }

    private static String outcome(Future<?> f) {
        try {
            f.get();
            return "stored";
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause().getClass().getSimpleName();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sixtyFourResponsesSentAtOnceAreAllStoredInFewerTransactions() throws Exception {
        Agency a = fixtures.agency().create();
        long commitsBefore = intake.commits();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int seconds = i;
            tasks.add(() -> {
                intake.store(a.code(), YEAR, SurveyPart.EIT_PUBLIC, LocalDate.of(2026, 3, 1), ANSWERS, Optional.empty(),
                        new Intake.Quality(seconds, false, 0));
                return "stored";
            });
        }
        List<String> outcomes = allAtOnce(tasks).stream().map(IntakeIT::outcome).toList();

        assertThat(outcomes).containsOnly("stored").hasSize(64);
        assertThat(stored(a.code())).isEqualTo(64);
        // each row kept its own values, not a neighbour's
        assertThat(jdbc.sql("select count(distinct seconds_to_complete) from survey_response where agency_code = ?")
                .param(a.code().value()).query(Long.class).single()).isEqualTo(64);
        // group commit: the 64 answers needed fewer commits than answers (other tests' answers can only add commits)
        assertThat(intake.commits() - commitsBefore).isLessThan(64);
    }

    @Test
    void aSlipSentSixteenTimesAtOnceIsSpentOnce() throws Exception {
        Agency a = fixtures.agency().create();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> {
                intake.store(a.code(), YEAR, SurveyPart.IIT, LocalDate.of(2026, 3, 1), ANSWERS,
                        Optional.of(new Intake.SpentSlip(1, 42)), null);
                return "stored";
            });
        }
        List<String> outcomes = allAtOnce(tasks).stream().map(IntakeIT::outcome).toList();

        assertThat(outcomes).filteredOn("stored"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("SlipAlreadyUsed"::equals).hasSize(15);
        assertThat(stored(a.code())).isEqualTo(1);
        assertThat(intake.spent(a.code(), YEAR, 1, 42)).isTrue();
        assertThat(intake.spent(a.code(), YEAR, 1, 43)).isFalse();
    }

    @Test
    void aPhoneSentSixteenTimesAtOnceAnswersOnce() throws Exception {
        Agency a = fixtures.agency().create();
        byte[] hash = new byte[32];
        new java.security.SecureRandom().nextBytes(hash);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> {
                intake.store(a.code(), YEAR, SurveyPart.EIT_PUBLIC, LocalDate.of(2026, 3, 1), ANSWERS, Optional.empty(),
                        Optional.of(new Intake.SpentPhone(hash)), new Intake.Quality(60, false, 0));
                return "stored";
            });
        }
        List<String> outcomes = allAtOnce(tasks).stream().map(IntakeIT::outcome).toList();

        assertThat(outcomes).filteredOn("stored"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("PhoneAlreadyUsed"::equals).hasSize(15);
        assertThat(stored(a.code())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from survey_spent_phone where agency_code = ? and phone_hash = ?")
                .params(a.code().value(), hash).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRowThatCannotBeStoredDoesNotRefuseTheOthersOfItsBatch() throws Exception {
        Agency a = fixtures.agency().create();
        AgencyCode unknown = AgencyCode.parse("NO-SUCH-" + a.code().value()).orElseThrow();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            AgencyCode target = i == 11 ? unknown : a.code();
            tasks.add(() -> {
                intake.store(target, YEAR, SurveyPart.IIT, LocalDate.of(2026, 3, 1), ANSWERS, Optional.empty(), null);
                return "stored";
            });
        }
        List<String> outcomes = allAtOnce(tasks).stream().map(IntakeIT::outcome).toList();

        assertThat(outcomes).filteredOn("stored"::equals).hasSize(23);
        assertThat(outcomes).filteredOn(o -> !o.equals("stored")).hasSize(1);
        assertThat(stored(a.code())).isEqualTo(23);
        assertThat(stored(unknown)).isZero();
    }

    @Test
    void aStoppedIntakeStoresWhatWasQueuedAndThenAcknowledgesNothing() {
        Agency a = fixtures.agency().create();
        Intake own = new Intake(jdbc, transactions, properties);
        own.start();
        own.store(a.code(), YEAR, SurveyPart.IIT, LocalDate.of(2026, 3, 1), ANSWERS, Optional.empty(), null);
        own.stop();

        assertThat(stored(a.code())).isEqualTo(1);
        assertThatThrownBy(() -> own.store(a.code(), YEAR, SurveyPart.IIT, LocalDate.of(2026, 3, 1), ANSWERS, Optional.empty(), null))
                .isInstanceOf(Intake.Busy.class);
        assertThat(stored(a.code())).isEqualTo(1);
    }
}
