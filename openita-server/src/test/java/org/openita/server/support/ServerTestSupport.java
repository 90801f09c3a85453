package org.openita.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.UserAccounts;
import org.openita.server.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole server on a real embedded PostgreSQL in a fresh folder, on a free port chosen up front (so that the
 * configured public address, from which links are built, reaches this server), with MockMvc too.
 * Test classes extending this share one application context (and so one database folder): do not add
 * configuration that would start a second context on the same folder. The server's clock is a {@link TestClock}:
 * a test that needs a date sets it with {@code clock.setToday(...)}; it is back on the system clock after each test.
 * Since every class sees what every other class wrote, a test makes its own rows with {@link #fixtures} and counts only
 * those (ADR 0020).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, Fixtures.class})
public abstract class ServerTestSupport {

    private static final Path DATA = freshDirectory("openita-it-");
    private static final int PORT = freePort();

    public static Path freshDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public address the server under test builds its links from: the default, http://localhost:${server.port}. */
    public static String publicBaseUrl() {
        return "http://localhost:" + PORT;
    }

    /** The clock every server component reads the date from. */
    @Autowired
    protected TestClock clock;

    /** Builders of this test's own agencies, people, results, plans and calendars (ADR 0020). */
    @Autowired
    protected Fixtures fixtures;

    @Autowired
    protected MockMvc mvc;

    /** The services most tests read what they did back through. */
    @Autowired
    protected AgencyRegistry registry;
    @Autowired
    protected UserAccounts accounts;
    @Autowired
    protected JdbcClient jdbc;
    /** The measures services, and publishing, that the measures, publication and security tests drive. */
    @Autowired
    protected org.openita.server.measures.MeasureEditing editing;
    @Autowired
    protected org.openita.server.measures.ProgressRecording progress;
    @Autowired
    protected org.openita.server.measures.PlanConfirmation confirmation;
    @Autowired
    protected org.openita.server.publication.internal.Publications publications;

    @AfterEach
    void backToTheSystemClock() {
        clock.reset();
    }

    @DynamicPropertySource
    static void embeddedDatabaseInTempFolder(DynamicPropertyRegistry registry) {
        registry.add("openita.embedded-db.data-directory", () -> DATA.resolve("pgdata").toString());
        registry.add("openita.temp-directory", () -> DATA.resolve("tmp").toString());
        registry.add("server.port", () -> PORT);
        // the contact lists of EIT part 2 are sealed under this key (ContactSeal); a server without one makes its own
        registry.add("openita.field.contact-key", () -> "b3Blbml0YS10ZXN0LWNvbnRhY3Qta2V5LTMyLWJ5dGU=");
        // the shared database holds every test's fiscal years: a test scores its own year's ended survey phase itself
        registry.add("openita.survey.scheduled-closing", () -> "false");
        // the shared database holds every test's OIT links: no fetch workers in the background; the queue's own tests run
        // their workers themselves (PrecheckQueueIT). A test class with a context of its own turns them on by adding
        // openita.test.queue-workers=true (a key of its own: which of two registrations of one key wins is not ours to choose)
        registry.add("openita.oit.queue.enabled", () -> "${openita.test.queue-workers:false}");
        // tests read the progress list right after writing responses: counted on every request, unless a load harness
        // asks for the production reuse time (-Dopenita.survey.progress.counts-for=30s)
        registry.add("openita.survey.progress.counts-for", () -> System.getProperty("openita.survey.progress.counts-for", "0s"));
    }
}
