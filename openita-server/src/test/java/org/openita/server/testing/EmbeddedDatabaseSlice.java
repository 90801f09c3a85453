package org.openita.server.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.openita.server.database.EmbeddedDatabaseProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A data slice ({@code @JdbcTest}: JDBC, transactions, Flyway; no web, no other beans) on the application's own
 * embedded PostgreSQL in a fresh folder, migrated by the application's Flyway scripts. Each test runs in a
 * transaction that is rolled back, so it sees only its own rows. Add the classes under test with {@code @Import}.
 *
 * <p>{@code @JdbcTest} on its own would replace the DataSource with an in-memory one (none is on the class path,
 * and the SQL is PostgreSQL's); with {@code replace = NONE} it keeps the application's, which the database module
 * makes: its configuration is brought in here by name (it is package-private), with its properties (the slice's
 * filter keeps {@code @ConfigurationPropertiesScan} from finding them, so they are named).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(EmbeddedDatabaseSlice.Database.class)
@TestPropertySource(properties = "openita.embedded-db.data-directory=${java.io.tmpdir}/openita-slice-${random.uuid}/pgdata")
public @interface EmbeddedDatabaseSlice {

    /** The database module's embedded-database configuration, found by name wherever in the module it lives. */
    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "org.openita.server.database", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.openita\\.server\\.database\\.(.*\\.)?EmbeddedDatabaseConfiguration"))
    @EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
    class Database {
    }
}
