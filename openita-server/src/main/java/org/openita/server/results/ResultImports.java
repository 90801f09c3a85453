package org.openita.server.results;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.upload.UnreadableFileException;
import org.openita.server.upload.Uploads;
import org.openita.server.web.TempFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs every result import, from the web pages and from the API, through one bounded queue: at most
 * {@link #WORKERS} read at once, at most {@link #WAITING} more wait, and one person has at most
 * {@link #PER_PERSON} in it; an upload beyond that is turned away before it is copied. The upload is first
 * copied to this process's temporary folder (the request's stream does not outlive the request), refused
 * once it passes {@link #MAX_BYTES}. A worker that fails for any reason ends its job with a plain message
 * and a stable code. A job is visible only to the person who started it; what a finished job keeps is its
 * capped report, and it is forgotten an hour after it ends (or sooner when {@link #KEPT} jobs have ended).
 * Jobs and their progress are stored in PostgreSQL (table result_import_job), so any server process answers the
 * progress page; a job left running by a process that stopped ends as failed, with nothing of it saved.
 */
@Service
public class ResultImports {

    private static final Logger log = LoggerFactory.getLogger(ResultImports.class);
    private static final Duration KEEP = Duration.ofHours(1);
    /** The largest results file taken: a national year with every question column is about 3 MB. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    static final int WORKERS = 2;
    static final int WAITING = 6;
    static final int PER_PERSON = 2;
    static final int KEPT = 200;
    /** How often a running job's progress is saved. */
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /** A running job whose progress has not been saved for this long belongs to a process that stopped. */
    static final Duration STALE = Duration.ofSeconds(30);
    static final String INTERRUPTED_TH = "การนำเข้าหยุดลงเพราะเซิร์ฟเวอร์หยุดทำงาน ไม่มีข้อมูลใดถูกบันทึก โปรดนำเข้าอีกครั้ง";
    static final String INTERRUPTED_EN = "the import stopped because the server stopped; nothing was saved; import the file again";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** Too many imports are running or waiting (everyone's, or this person's); nothing was read. */
    public static final class BusyException extends IOException {
        private final boolean yours;

        BusyException(boolean yours) {
            super(yours ? "you already have " + PER_PERSON + " imports running or waiting; wait for one to finish"
                    : "the server is busy with other imports; try again in a minute");
            this.yours = yours;
        }

        /** True when it is this person's own imports that fill their share. */
        public boolean yours() {
            return yours;
        }

        public String th() {
            return yours ? "คุณมีการนำเข้าที่กำลังทำงานหรือรออยู่ " + PER_PERSON + " รายการแล้ว รอให้เสร็จก่อนแล้วค่อยนำเข้าอีก"
                    : "ขณะนี้มีการนำเข้าจากผู้ใช้อื่นจำนวนมาก โปรดลองอีกครั้งในอีกหนึ่งนาที";
        }

        public String code() {
            return yours ? "too-many-imports" : "server-busy";
        }
    }

    /** An import that ended without a report: a stable code and a message in both languages. */
    public static final class FailedException extends IOException {
        private final String code;
        private final String th;

        FailedException(String code, String th, String en) {
            super(en);
            this.code = code;
            this.th = th;
        }

        public String code() {
            return code;
        }

        public String th() {
            return th;
        }

        /** True when the file was at fault (a 4xx), false when the server was. */
        public boolean clientFault() {
            return code.equals("unreadable-file");
        }

        /** True when trying again later may succeed. */
        public boolean transientFault() {
            return code.equals("database-busy");
        }
    }

    /** One import: its progress while it runs, then its report or the reason it could not be read. */
    public static final class Job {
        private final String id;
        private final String owner;
        private final String fileName;
        /** The agency whose page started it, or null for the national import page. */
        private final AgencyCode agency;
        private volatile ResultFile file;
        private volatile int rows;
        private volatile OfficialResults.Report report;
        private volatile FailedException failure;
        private volatile Instant ended;

        private volatile int storedPercent;

        Job(String id, String owner, String fileName, AgencyCode agency, ResultFile file) {
            this.id = id;
            this.owner = owner;
            this.fileName = ResultFile.quoted(fileName == null ? "" : fileName);
            this.agency = agency;
            this.file = file;
        }

        /** A job as stored: what any server process knows of it. */
        private Job(Stored row) {
            this.id = row.id();
            this.owner = row.owner();
            this.fileName = row.fileName();
            this.agency = row.agencyCode() == null ? null : AgencyCode.parse(row.agencyCode()).orElse(null);
            this.rows = row.rowsRead();
            this.storedPercent = row.percent();
            this.report = row.report() == null ? null : JSON.readValue(row.report(), OfficialResults.Report.class);
            this.failure = row.errorCode() == null ? null : new FailedException(row.errorCode(), row.errorTh(), row.errorEn());
            this.ended = row.endedAt() == null ? null : row.endedAt().toInstant();
        }

        public String id() {
            return id;
        }

        public String fileName() {
            return fileName;
        }

        public AgencyCode agency() {
            return agency;
        }

        public int rows() {
            return rows;
        }

        /** Percent of the file read, 0-100. */
        public int percent() {
            ResultFile f = file;
            return ended != null ? 100 : f == null ? storedPercent : (int) Math.floor(f.progress() * 100);
        }

        public boolean done() {
            return ended != null;
        }

        public OfficialResults.Report report() {
            return report;
        }

        public String errorCode() {
            return failure == null ? null : failure.code();
        }

        public String errorTh() {
            return failure == null ? null : failure.th() + " (" + failure.code() + ")";
        }

        public String errorEn() {
            return failure == null ? null : failure.getMessage() + " (" + failure.code() + ")";
        }
    }

    private final OfficialResults results;
    private final AgencyRegistry agencies;
    private final TempFolder temp;
    private final ImportAdmission admission = new ImportAdmission(WORKERS + WAITING, PER_PERSON);
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), r -> {
        Thread t = new Thread(r, "result-import");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;
    private final JdbcClient jdbc;
    /** This process's jobs while they run, for their progress; what they end with is stored. */
    private final Map<String, Job> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "result-import-progress");
        t.setDaemon(true);
        return t;
    });

    ResultImports(OfficialResults results, AgencyRegistry agencies, TempFolder temp, Clock clock, JdbcClient jdbc) {
        this.results = results;
        this.agencies = agencies;
        this.temp = temp;
        this.clock = clock;
        this.jdbc = jdbc;
        heartbeat.scheduleWithFixedDelay(this::saveProgress, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How a stored job row reads. */
    private record Stored(String id, String owner, String fileName, String agencyCode, String state, int rowsRead, int percent,
                          String report, String errorCode, String errorTh, String errorEn, java.sql.Timestamp updatedAt,
                          java.sql.Timestamp endedAt) {
    }

    private static final String FAIL_INTERRUPTED = "update result_import_job set state = 'failed', error_code = 'interrupted',"
            + " error_th = ?, error_en = ?, ended_at = ?, updated_at = ? where state = 'running' and updated_at < ?";

    /**
     * Jobs left "running" by a server process that stopped (no progress saved for {@link #STALE}) end as failed:
     * their import was one transaction, so nothing of them was saved. Run at start and every {@link #STALE} (each process
     * runs it; it is one idempotent UPDATE); a progress poll checks only the job it reads ({@link #find}).
     */
    public int failInterrupted() {
        Instant now = Instant.now(clock);
        return jdbc.sql(FAIL_INTERRUPTED).params(INTERRUPTED_TH, INTERRUPTED_EN, ts(now), ts(now), ts(now.minus(STALE))).update();
    }

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void sweep() {
        failInterrupted();
    }

    /** As {@link #failInterrupted}, for one job only: what a progress poll runs. */
    private void failIfInterrupted(String id) {
        Instant now = Instant.now(clock);
        jdbc.sql(FAIL_INTERRUPTED + " and id = ?").params(INTERRUPTED_TH, INTERRUPTED_EN, ts(now), ts(now), ts(now.minus(STALE)), id).update();
    }

    private static java.sql.Timestamp ts(Instant i) {
        return java.sql.Timestamp.from(i);
    }

    private void insert(Job job) {
        Instant now = Instant.now(clock);
        jdbc.sql("insert into result_import_job (id, owner, file_name, agency_code, state, started_at, updated_at)"
                        + " values (?, ?, ?, ?, 'running', ?, ?)")
                .params(job.id, job.owner, job.fileName, job.agency == null ? null : job.agency.value(), ts(now), ts(now)).update();
    }

    /** Saves the progress of this process's running jobs; also tells other processes that they still run. */
    private void saveProgress() {
        for (Job job : running.values()) {
            try {
                jdbc.sql("update result_import_job set rows_read = ?, percent = ?, updated_at = ? where id = ? and state = 'running'")
                        .params(job.rows, Math.min(99, job.percent()), ts(Instant.now(clock)), job.id).update();
            } catch (RuntimeException e) {
                log.warn("could not save the progress of result import {}", job.id, e);
            }
        }
    }

    private void saveEnd(Job job, Instant ended) {
        FailedException f = job.failure;
        jdbc.sql("update result_import_job set state = ?, rows_read = ?, percent = 100, report = cast(? as jsonb), error_code = ?,"
                        + " error_th = ?, error_en = ?, ended_at = ?, updated_at = ? where id = ?")
                .params(f == null ? "done" : "failed", job.rows, job.report == null ? null : JSON.writeValueAsString(job.report),
                        f == null ? null : f.code(), f == null ? null : f.th(), f == null ? null : f.getMessage(),
                        ts(ended), ts(ended), job.id).update();
    }

    /**
     * Starts an import of an uploaded file in the background.
     *
     * @param agency the agency the import is limited to, or null for any agency {@code allowed} accepts
     */
    public Job start(String actor, String fileName, ResultFile.Format format, InputStream upload, AgencyCode agency,
                     Predicate<AgencyCode> allowed) throws IOException {
        forgetOld();
        return enqueue(actor, fileName, format, upload, agency, allowed).job;
    }

    /** Runs an import through the same queue and waits for it: the API's answer is its report. */
    public OfficialResults.Report run(String actor, ResultFile.Format format, InputStream upload, Predicate<AgencyCode> allowed)
            throws IOException {
        Queued q = enqueue(actor, null, format, upload, null, allowed);
        try {
            q.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailedException("interrupted", "การนำเข้าถูกขัดจังหวะ ไม่มีข้อมูลใดถูกบันทึก", "the import was interrupted; nothing was saved");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (q.job.failure != null) {
            throw q.job.failure;
        }
        return q.job.report;
    }

    /**
     * Imports a file in the caller's thread and transaction, outside the queue: for data OpenITA brings itself at
     * start (demo mode), which must see the caller's uncommitted rows. Requests go through {@link #run} or {@link #start}.
     */
    public OfficialResults.Report importHere(String actor, ResultFile.Format format, InputStream file, Predicate<AgencyCode> allowed)
            throws IOException {
        Path tmp = Uploads.copy(file, temp, "results-", "." + format.name().toLowerCase(Locale.ROOT), MAX_BYTES);
        try {
            return results.importFile(actor, new ResultFile(tmp, format), agencies.all(), allowed, n -> { });
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private record Queued(Job job, Future<?> done) {
    }

    private Queued enqueue(String actor, String fileName, ResultFile.Format format, InputStream upload, AgencyCode agency,
                           Predicate<AgencyCode> allowed) throws IOException {
        admission.admit(actor);
        Path tmp = null;
        try {
            tmp = Uploads.copy(upload, temp, "results-", "." + format.name().toLowerCase(Locale.ROOT), MAX_BYTES);
            Job job = new Job(UUID.randomUUID().toString(), actor, fileName, agency, new ResultFile(tmp, format));
            insert(job);
            running.put(job.id, job);
            Path file = tmp;
            try {
                return new Queued(job, workers.submit(() -> work(job, file, allowed)));
            } catch (RejectedExecutionException e) {
                running.remove(job.id);
                jdbc.sql("delete from result_import_job where id = ?").param(job.id).update();
                throw e;
            }
        } catch (RejectedExecutionException e) {
            Files.deleteIfExists(tmp);
            admission.leave(actor);
            throw new BusyException(false);
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
            admission.leave(actor);
            throw e;
        }
    }

    private void work(Job job, Path tmp, Predicate<AgencyCode> allowed) {
        try {
            job.report = results.importFile(job.owner, job.file, agencies.all(), allowed, n -> job.rows = n);
        } catch (UnreadableFileException e) {
            job.failure = new FailedException("unreadable-file", e.th(), e.en());
        } catch (TransientDataAccessException e) {
            log.warn("result import {} met a busy database", job.id, e);
            job.failure = new FailedException("database-busy", "ฐานข้อมูลไม่ว่างในขณะนี้ ไม่มีข้อมูลใดถูกบันทึก โปรดนำเข้าอีกครั้ง",
                    "the database was busy and nothing was saved; import the file again");
        } catch (DataAccessException e) {
            log.error("result import {} failed in the database", job.id, e);
            job.failure = new FailedException("database-error", "ฐานข้อมูลขัดข้องระหว่างนำเข้า ไม่มีข้อมูลใดถูกบันทึก แจ้งผู้ดูแลระบบ",
                    "the database failed during the import and nothing was saved; tell the administrator");
        } catch (Throwable e) {
            log.error("result import {} failed", job.id, e);
            job.failure = new FailedException("import-failed", "นำเข้าไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก แจ้งผู้ดูแลระบบ",
                    "the import failed and nothing was saved; tell the administrator");
        } finally {
            Instant ended = Instant.now(clock);
            try {
                saveEnd(job, ended);
            } catch (RuntimeException e) {
                log.error("could not store how result import {} ended", job.id, e);
            }
            // done only once how it ended is stored, so that every process then reads the same end
            job.ended = ended;
            job.file = null;
            running.remove(job.id);
            admission.leave(job.owner);
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                log.warn("could not delete {}", tmp, e);
            }
        }
    }

    /**
     * The job, only for the person who started it, from whichever server process took the upload: this process's
     * own running job with its live progress, otherwise the stored one.
     */
    public Optional<Job> find(String id, String actor) {
        Job mine = running.get(id);
        if (mine != null) {
            return mine.owner.equals(actor) ? Optional.of(mine) : Optional.empty();
        }
        failIfInterrupted(id);
        return jdbc.sql("select id, owner, file_name, agency_code, state, rows_read, percent, cast(report as text) as report, error_code, error_th,"
                        + " error_en, updated_at, ended_at from result_import_job where id = ? and owner = ?")
                .params(id, actor).query(Stored.class).optional().map(Job::new);
    }

    /** Forgets jobs that ended more than {@link #KEEP} ago, and all but the latest {@link #KEPT} ended ones. */
    private void forgetOld() {
        jdbc.sql("delete from result_import_job where ended_at < ?").param(ts(Instant.now(clock).minus(KEEP))).update();
        jdbc.sql("delete from result_import_job where id in (select id from result_import_job where ended_at is not null"
                + " order by ended_at desc offset ?)").param(KEPT).update();
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        workers.shutdownNow();
    }
}
