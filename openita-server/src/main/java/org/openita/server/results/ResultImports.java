package org.openita.server.results;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.openita.server.agency.AgencyRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs result imports in the background so a large file shows its progress in the page while it is read.
 * The upload is first copied to a temporary file (the request's stream does not outlive the request);
 * at most two imports run at once and the rest wait their turn. A job is visible only to the person who
 * started it, and is forgotten an hour after it ends. Jobs live in this server process: the progress
 * page is answered by the server that took the upload.
 */
@Service
public class ResultImports {

    private static final Logger log = LoggerFactory.getLogger(ResultImports.class);
    private static final Duration KEEP = Duration.ofHours(1);
    /** The largest results file taken: a national year with every question column is about 3 MB. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    /** The file is larger than {@link #MAX_BYTES}; nothing was read into the database. */
    public static final class TooLargeException extends IOException {
        TooLargeException() {
            super("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
    }

    /** Copies an upload to a temporary file, refusing it once it passes {@link #MAX_BYTES}. */
    static Path copy(InputStream upload, ResultFile.Format format) throws IOException {
        Path tmp = Files.createTempFile("openita-results-", "." + format.name().toLowerCase(java.util.Locale.ROOT));
        try (InputStream limited = org.apache.commons.io.input.BoundedInputStream.builder().setInputStream(upload)
                .setMaxCount(MAX_BYTES + 1).get()) {
            long n = Files.copy(limited, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (n > MAX_BYTES) {
                throw new TooLargeException();
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** One import: its progress while it runs, then its report or the reason it could not be read. */
    public static final class Job {
        private final String id;
        private final String owner;
        private final String fileName;
        /** The agency whose page started it, or null for the national import page. */
        private final String agency;
        private final ResultFile file;
        private volatile int rows;
        private volatile OfficialResults.Report report;
        private volatile String errorTh;
        private volatile String errorEn;
        private volatile Instant ended;

        Job(String id, String owner, String fileName, String agency, ResultFile file) {
            this.id = id;
            this.owner = owner;
            this.fileName = fileName;
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
            return ended != null ? 100 : (int) Math.floor(file.progress() * 100);
        }

        public boolean done() {
            return ended != null;
        }

        public OfficialResults.Report report() {
            return report;
        }

        public String errorTh() {
            return errorTh;
        }

        public String errorEn() {
            return errorEn;
        }
    }

    private final OfficialResults results;
    private final AgencyRegistry agencies;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "result-import");
        t.setDaemon(true);
        return t;
    });

    ResultImports(OfficialResults results, AgencyRegistry agencies) {
        this.results = results;
        this.agencies = agencies;
    }

    /**
     * Starts an import of an uploaded file.
     *
     * @param agency the agency the import is limited to, or null for any agency {@code allowed} accepts
     */
    public Job start(String actor, String fileName, ResultFile.Format format, InputStream upload, String agency,
                     Predicate<String> allowed) throws IOException {
        forgetOld();
        Path tmp = copy(upload, format);
        Job job = new Job(UUID.randomUUID().toString(), actor, fileName, agency, new ResultFile(tmp, format));
        jobs.put(job.id, job);
        workers.submit(() -> run(job, actor, tmp, allowed));
        return job;
    }

    /** Runs an import in the caller's thread, for the API and the CLI-sized files. */
    public OfficialResults.Report run(String actor, ResultFile.Format format, InputStream upload, Predicate<String> allowed) throws IOException {
        Path tmp = copy(upload, format);
        try {
            return results.importFile(actor, new ResultFile(tmp, format), agencies.all(), allowed, n -> { });
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void run(Job job, String actor, Path tmp, Predicate<String> allowed) {
        try {
            job.report = results.importFile(actor, job.file, agencies.all(), allowed, n -> job.rows = n);
        } catch (ResultFile.UnreadableFileException e) {
            job.errorTh = e.th;
            job.errorEn = e.en;
        } catch (IOException | RuntimeException e) {
            log.warn("result import {} failed", job.id, e);
            job.errorTh = "นำเข้าไม่สำเร็จ ไม่มีข้อมูลใดถูกบันทึก: " + e.getMessage();
            job.errorEn = "the import failed and nothing was saved: " + e.getMessage();
        } finally {
            job.ended = Instant.now();
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
        Instant limit = Instant.now().minus(KEEP);
        jobs.values().removeIf(j -> j.ended != null && j.ended.isBefore(limit));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
