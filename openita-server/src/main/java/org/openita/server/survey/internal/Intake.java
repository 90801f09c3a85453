package org.openita.server.survey.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openita.server.agency.AgencyCode;
import org.openita.server.web.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores checked responses with group commit. A request hands its response to a bounded queue and waits; a few writer
 * threads take whatever has queued up (up to {@code maxBatch}), store it in one transaction ({@link ResponseRows}) and
 * answer each waiting request when the commit has returned. The answer is acknowledged only then, so nothing
 * acknowledged is lost; what the writers had not committed when the process died was never acknowledged. One commit
 * (one WAL flush) serves every response of a batch, and no request thread holds a database connection, however many
 * respondents send at once. A batch that fails for a reason other than the database being away is stored again one
 * response at a time, so one bad row cannot refuse the others (ADR 0030).
 */
@Component
class Intake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** EIT part 1 quality signals; null for the IIT. */
    record Quality(int secondsToComplete, boolean identicalAnswers, int burst) {
    }

    /** A slip spent by this response. */
    record SpentSlip(int keyVersion, int serial) {
    }

    /** A checked phone spent by this EIT part 1 response: the HMAC of its number (PhoneChecks), never the number. */
    record SpentPhone(byte[] hash) {
    }

    /** The phone had already answered this agency's survey this year: nothing was stored. */
    static final class PhoneAlreadyUsed extends RuntimeException {
        PhoneAlreadyUsed() {
            super("phone already used", null, false, false);
        }
    }

    /** The slip had already been used: nothing was stored. */
    static final class SlipAlreadyUsed extends RuntimeException {
        SlipAlreadyUsed() {
            super("slip already used", null, false, false);
        }
    }

    /** The queue stayed full, or the writers did not answer in time: nothing is acknowledged, the client tries again. */
    static final class Busy extends DataAccessResourceFailureException {
        Busy(String what) {
            super(what);
        }
    }

    private record Pending(ResponseRows.Row row, CompletableFuture<ResponseRows.Outcome> done) {
    }

    private final ResponseRows rows;
    private final TransactionTemplate transactions;
    private final SurveyProperties.Writers settings;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> writers = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean running;

    Intake(JdbcClient jdbc, PlatformTransactionManager transactionManager, SurveyProperties properties) {
        this.rows = new ResponseRows(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = properties.writers();
        this.queue = new ArrayBlockingQueue<>(settings.queue());
    }

    /** Whether a slip has been spent already (asked when a slip's link is opened, before anyone answers). */
    boolean spent(AgencyCode agency, int year, int keyVersion, int serial) {
        return rows.spent(agency, year, keyVersion, serial);
    }

    /** Stores one checked response and returns once it is committed; see the next method. */
    public void store(AgencyCode agency, int year, SurveyPart part, LocalDate day, Map<String, String> answers,
                      Optional<SpentSlip> slip, Quality quality) {
        store(agency, year, part, day, answers, slip, Optional.empty(), quality);
    }

    /**
     * Stores one checked response, spending its slip (IIT) or its checked phone (EIT part 1), and returns once it is
     * committed.
     *
     * @throws SlipAlreadyUsed the slip was spent already: nothing was stored
     * @throws PhoneAlreadyUsed the phone had answered already: nothing was stored
     * @throws Busy the queue stayed full or the writers did not answer in time: not acknowledged (answered 503)
     */
    public void store(AgencyCode agency, int year, SurveyPart part, LocalDate day, Map<String, String> answers,
                      Optional<SpentSlip> slip, Optional<SpentPhone> phone, Quality quality) {
        Pending p = new Pending(new ResponseRows.Row(agency, year, part, day, JSON.writeValueAsString(answers), slip, phone,
                quality), new CompletableFuture<>());
        ResponseRows.Outcome outcome;
        try {
            if (!running || !queue.offer(p, settings.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy(running ? "the intake's queue stayed full" : "the intake is stopped");
            }
            outcome = p.done().get(settings.answerWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while waiting for the intake");
        } catch (TimeoutException e) {
            throw new Busy("the intake did not answer in time");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        switch (outcome) {
            case SLIP_USED -> throw new SlipAlreadyUsed();
            case PHONE_USED -> throw new PhoneAlreadyUsed();
            case STORED -> { }
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(settings.maxBatch());
        while (true) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (!running) {
                    return;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, settings.maxBatch() - 1);
            commit(batch);
        }
    }

    private void commit(List<Pending> batch) {
        try {
            ResponseRows.Outcome[] stored = transactions.execute(tx -> rows.insert(batch.stream().map(Pending::row).toList()));
            commits.incrementAndGet();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(stored[i]);
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1 || DatabaseUnavailable.causes(e)) {
                batch.forEach(p -> p.done().completeExceptionally(e));
                if (!DatabaseUnavailable.causes(e)) {
                    log.error("A survey response could not be stored", e);
                }
                return;
            }
            for (Pending p : batch) {
                commit(List.of(p));
            }
        }
    }

    /** Transactions committed so far: fewer than the responses stored when they came in together. */
    long commits() {
        return commits.get();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < settings.threads(); i++) {
            Thread t = new Thread(this::write, "survey-intake-" + (i + 1));
            t.setDaemon(false);
            t.start();
            writers.add(t);
        }
    }

    /** Stops taking responses, stores what is queued, then lets the writers end. */
    @Override
    public void stop() {
        running = false;
        for (Thread t : writers) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        writers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before the web server takes requests and stopped after it has finished them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
