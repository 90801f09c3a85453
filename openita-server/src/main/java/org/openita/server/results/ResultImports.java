package org.openita.server.results;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.upload.UnreadableFileException;
import org.openita.server.upload.Uploads;
import org.openita.server.web.TempFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Runs every result import, from the web pages and from the API, through one bounded queue: at most
 * {@link #WORKERS} read at once, at most {@link #WAITING} more wait, and one person has at most
 * {@link #PER_PERSON} in it; an upload beyond that is turned away before it is copied. The upload is first
 * copied to this process's temporary folder (the request's stream does not outlive the request), refused
 * once it passes {@link #MAX_BYTES}. A worker that fails for any reason ends its job with a plain message
 * and a stable code. A job is visible only to the person who started it; what a finished job keeps is its
 * capped report, and it is forgotten an hour after it ends (or sooner when {@link #KEPT} jobs have ended).
 * Jobs live in this server process: the progress page is answered by the server that took the upload.
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
        private final String agency;
        private volatile ResultFile file;
        private volatile int rows;
        private volatile OfficialResults.Report report;
        private volatile FailedException failure;
        private volatile Instant ended;

        Job(String id, String owner, String fileName, String agency, ResultFile file) {
            this.id = id;
            this.owner = owner;
            this.fileName = ResultFile.quoted(fileName == null ? "" : fileName);
            this.agency = agency;
            this.file = file;
        }

        public String id() {
            return id;
        }

        public String fileName() {
            return fileName;
        }

        public String agency() {
            return agency;
        }

        public int rows() {
            return rows;
        }

        /** Percent of the file read, 0-100. */
        public int percent() {
            ResultFile f = file;
            return ended != null || f == null ? 100 : (int) Math.floor(f.progress() * 100);
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
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ImportAdmission admission = new ImportAdmission(WORKERS + WAITING, PER_PERSON);
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), r -> {
        Thread t = new Thread(r, "result-import");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;

    ResultImports(OfficialResults results, AgencyRegistry agencies, TempFolder temp, Clock clock) {
        this.results = results;
        this.agencies = agencies;
        this.temp = temp;
        this.clock = clock;
    }

    /**
     * Starts an import of an uploaded file in the background.
     *
     * @param agency the agency the import is limited to, or null for any agency {@code allowed} accepts
     */
    public Job start(String actor, String fileName, ResultFile.Format format, InputStream upload, String agency,
                     Predicate<String> allowed) throws IOException {
        forgetOld();
        Job job = enqueue(actor, fileName, format, upload, agency, allowed).job;
        jobs.put(job.id, job);
        return job;
    }

    /** Runs an import through the same queue and waits for it: the API's answer is its report. */
    public OfficialResults.Report run(String actor, ResultFile.Format format, InputStream upload, Predicate<String> allowed)
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
    public OfficialResults.Report importHere(String actor, ResultFile.Format format, InputStream file, Predicate<String> allowed)
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

    private Queued enqueue(String actor, String fileName, ResultFile.Format format, InputStream upload, String agency,
                           Predicate<String> allowed) throws IOException {
        admission.admit(actor);
        Path tmp = null;
        try {
            tmp = Uploads.copy(upload, temp, "results-", "." + format.name().toLowerCase(Locale.ROOT), MAX_BYTES);
            Job job = new Job(UUID.randomUUID().toString(), actor, fileName, agency, new ResultFile(tmp, format));
            Path file = tmp;
            return new Queued(job, workers.submit(() -> work(job, file, allowed)));
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

    private void work(Job job, Path tmp, Predicate<String> allowed) {
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
            job.ended = Instant.now(clock);
            job.file = null;
            admission.leave(job.owner);
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                log.warn("could not delete {}", tmp, e);
            }
        }
    }

    /** The job, only for the person who started it. */
    public Optional<Job> find(String id, String actor) {
        Job job = jobs.get(id);
        return job != null && job.owner.equals(actor) ? Optional.of(job) : Optional.empty();
    }

    private void forgetOld() {
        Instant limit = Instant.now(clock).minus(KEEP);
        jobs.values().removeIf(j -> j.ended != null && j.ended.isBefore(limit));
        long ended = jobs.values().stream().filter(j -> j.ended != null).count();
        if (ended > KEPT) {
            jobs.values().stream().filter(j -> j.ended != null).sorted(Comparator.comparing((Job j) -> j.ended))
                    .limit(ended - KEPT).map(j -> j.id).toList().forEach(jobs::remove);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
