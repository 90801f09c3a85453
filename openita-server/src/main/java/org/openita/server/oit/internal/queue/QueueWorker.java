package org.openita.server.oit.internal.queue;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * This process's fetch workers: a few threads, each claiming a small batch of due jobs, running them one by one and
 * looking again; started with the application and stopped before the database goes away (jobs claimed and not yet
 * started are given back; a job cut off in its fetch is taken over by any process when its lease runs out).
 */
public class QueueWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);

    private final FetchJobs jobs;
    private final JobRunner runner;
    private final QueueProperties settings;
    private final String processId;
    private final List<String> agencies;
    private final Object idle = new Object();
    private volatile boolean running;
    private ExecutorService threads;

    QueueWorker(FetchJobs jobs, JobRunner runner, QueueProperties settings, String processId) {
        this(jobs, runner, settings, processId, null);
    }

    /** A worker that takes only these agencies' jobs (tests and harnesses on the shared database), or all when null. */
    QueueWorker(FetchJobs jobs, JobRunner runner, QueueProperties settings, String processId, List<String> agencies) {
        this.agencies = agencies == null ? null : List.copyOf(agencies);
        this.jobs = jobs;
        this.runner = runner;
        this.settings = settings;
        this.processId = processId;
    }

    /** This process as it signs its leases: host, process number and a random part (a restarted process is another one). */
    static String newProcessId() {
        byte[] r = new byte[3];
        new SecureRandom().nextBytes(r);
        return ManagementFactory.getRuntimeMXBean().getName() + ":" + HexFormat.of().formatHex(r);
    }

    public String processId() {
        return processId;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "oit-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < settings.threads(); i++) {
            threads.execute(this::work);
        }
        log.info("OIT pre-check queue: {} worker threads as {}", settings.threads(), processId);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (idle) {
            idle.notifyAll();
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Wakes the idle threads (something was queued). */
    public void wake() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    private void work() {
        while (running) {
            List<FetchJob> claimed;
            try {
                claimed = jobs.claim(processId, settings.batch(), settings.lease(), agencies);
            } catch (RuntimeException e) {
                log.warn("OIT pre-check queue: could not claim jobs: {}", e.toString());
                pause(settings.idlePoll().multipliedBy(5));
                continue;
            }
            if (claimed.isEmpty()) {
                pause(settings.idlePoll());
                continue;
            }
            for (int i = 0; i < claimed.size(); i++) {
                if (!running) {
                    giveBack(claimed.subList(i, claimed.size()));
                    break;
                }
                try {
                    runner.run(claimed.get(i), processId);
                } catch (RuntimeException e) {
                    // the database went away mid-job: the lease runs out and the job is taken over then
                    log.warn("OIT pre-check queue: job {} not recorded: {}", claimed.get(i).id(), e.toString());
                }
            }
        }
    }

    private void giveBack(List<FetchJob> notStarted) {
        try {
            jobs.release(notStarted, processId);
        } catch (RuntimeException e) {
            log.warn("OIT pre-check queue: {} claimed jobs not given back (taken over when their lease runs out): {}",
                    notStarted.size(), e.toString());
        }
    }

    private void pause(Duration d) {
        synchronized (idle) {
            if (!running) {
                return;
            }
            try {
                idle.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
