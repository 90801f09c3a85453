package org.openita.server.oit.internal.queue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openita.core.framework.OitItem;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.oit.internal.fetch.Fetched;
import org.openita.server.oit.internal.fetch.Findings;
import org.openita.server.oit.internal.fetch.LinkFetcher;
import org.openita.server.oit.internal.fetch.Prechecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed job: fetches the link, reads it against the agency's website and the year's item, and records the
 * check; a link that could not be reached or timed out is tried again later, up to the configured attempts.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    /** What running a job came to. */
    enum Result { RECORDED, RETRY, FAILED, LOST }

    private final FetchJobs jobs;
    private final CheckRecorder recorder;
    private final LinkFetcher fetcher;
    private final Prechecker prechecker;
    private final AgencyRegistry agencies;
    private final FrameworkCatalog frameworks;
    private final QueueProperties settings;

    JobRunner(FetchJobs jobs, CheckRecorder recorder, LinkFetcher fetcher, Prechecker prechecker, AgencyRegistry agencies,
              FrameworkCatalog frameworks, QueueProperties settings) {
        this.jobs = jobs;
        this.recorder = recorder;
        this.fetcher = fetcher;
        this.prechecker = prechecker;
        this.agencies = agencies;
        this.frameworks = frameworks;
        this.settings = settings;
    }

    Result run(FetchJob job, String processId) {
        if (job.attempts() > settings.maxAttempts() + 1) {
            // taken over again and again: each process that fetched it died first; stop before it takes another one down
            log.warn("fetch job {} ({}) given up after {} attempts", job.id(), job.url(), job.attempts() - 1);
            return jobs.failed(job, processId) ? Result.FAILED : Result.LOST;
        }
        Fetched fetched;
        try {
            fetched = fetcher.fetch(URI.create(job.url()));
        } catch (RuntimeException e) {
            log.warn("fetch of job {} ({}) failed: {}", job.id(), job.url(), e.toString());
            if (job.attempts() < settings.maxAttempts()) {
                return jobs.retryLater(job, processId, backoff(job)) ? Result.RETRY : Result.LOST;
            }
            return jobs.failed(job, processId) ? Result.FAILED : Result.LOST;
        }
        if (retriable(fetched.outcome()) && job.attempts() < settings.maxAttempts()) {
            return jobs.retryLater(job, processId, backoff(job)) ? Result.RETRY : Result.LOST;
        }
        try {
            return recorder.record(job, processId, fetched, findings(job, fetched)).isPresent() ? Result.RECORDED : Result.LOST;
        } catch (CheckRecorder.LostLease e) {
            log.info(e.getMessage());
            return Result.LOST;
        }
    }

    static boolean retriable(Fetched.Outcome outcome) {
        return outcome == Fetched.Outcome.UNREACHABLE || outcome == Fetched.Outcome.TIMEOUT;
    }

    /** The wait before the next attempt: the configured backoff, doubled for each attempt already made after the first. */
    Duration backoff(FetchJob job) {
        return settings.retryBackoff().multipliedBy(1L << Math.min(Math.max(job.attempts() - 1, 0), 10));
    }

    private Findings findings(FetchJob job, Fetched fetched) {
        String website = agencies.find(job.agency()).map(Agency::website).orElse(null);
        Optional<OitItem> item = frameworks.active(job.year().buddhistEra())
                .flatMap(d -> d.oitItem(job.itemCode()));
        if (item.isEmpty()) {
            log.warn("job {}: item {} is not in {}'s active definition; recorded without findings", job.id(), job.itemCode(), job.year());
            return new Findings(null, null, List.of(), List.of(), List.of());
        }
        try {
            return prechecker.check(fetched, website, job.year(), item.get());
        } catch (RuntimeException e) {
            log.warn("pre-check of job {} ({}) failed: {}", job.id(), job.url(), e.toString());
            return new Findings(null, null, List.of(), List.of(), List.of());
        }
    }
}
