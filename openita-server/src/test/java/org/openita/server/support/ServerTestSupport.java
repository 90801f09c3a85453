package org.openita.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server on a real embedded PostgreSQL in a fresh folder, on a random port, with MockMvc too.
 * Test classes extending this share one application context (and so one database folder): do not add
 * configuration that would start a second context on the same folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class ServerTestSupport {

    private static final Path DATA = freshDirectory("openita-it-");

    public static Path freshDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void embeddedDatabaseInTempFolder(DynamicPropertyRegistry registry) {
        registry.add("openita.embedded-db.data-directory", () -> DATA.resolve("pgdata").toString());
        registry.add("openita.temp-directory", () -> DATA.resolve("tmp").toString());
    }
}
