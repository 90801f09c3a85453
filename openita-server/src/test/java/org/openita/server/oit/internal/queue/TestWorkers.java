package org.openita.server.oit.internal.queue;

import java.time.Duration;
import java.util.List;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.oit.internal.fetch.FetchProperties;
import org.openita.server.oit.internal.fetch.HostResolver;
import org.openita.server.oit.internal.fetch.Prechecker;
import org.openita.server.oit.internal.fetch.SafeFetcher;
import org.springframework.context.ApplicationContext;

/**
 * Pre-check workers for a test on the shared context (where the application's own are off): the real queue, fetcher
 * and pre-check, the fetcher trusting the given test site hosts, taking only the given agency's jobs. Close to stop.
 */
public final class TestWorkers implements AutoCloseable {

    private final SafeFetcher fetcher;
    private final QueueWorker worker;

    private TestWorkers(SafeFetcher fetcher, QueueWorker worker) {
        this.fetcher = fetcher;
        this.worker = worker;
    }

    public static TestWorkers start(ApplicationContext context, List<String> trustedHosts, String agency) {
        SafeFetcher fetcher = new SafeFetcher(FetchProperties.defaults().withAllowHosts(trustedHosts).withPoliteness(4, Duration.ofMillis(20)),
                HostResolver.SYSTEM);
        FetchJobs jobs = context.getBean(FetchJobs.class);
        QueueProperties settings = context.getBean(QueueProperties.class).withIdlePoll(Duration.ofMillis(100));
        JobRunner runner = new JobRunner(jobs, context.getBean(CheckRecorder.class), fetcher, context.getBean(Prechecker.class),
                context.getBean(AgencyRegistry.class), context.getBean(FrameworkCatalog.class), settings);
        QueueWorker worker = new QueueWorker(jobs, runner, settings, "test-" + agency, List.of(agency));
        worker.start();
        return new TestWorkers(fetcher, worker);
    }

    @Override
    public void close() throws Exception {
        worker.stop();
        fetcher.destroy();
    }
}
