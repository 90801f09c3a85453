package org.openita.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The core stays plain Java: no Spring, no JDBC, no servlet or web types, ever. */
class CoreIsPlainJavaTest {

    static final ArchRule CORE_IS_PLAIN_JAVA = noClasses()
            .that().resideInAPackage("org.openita.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..", "javax.servlet..",
                    "jakarta.persistence..", "org.flywaydb..", "org.postgresql..")
            .because("openita-core is the pure heart of OpenITA (see docs/architecture.md)");

    @Test
    void productionCodeHasNoSpringJdbcOrServletDependency() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openita.core");
        assertThat(production.size()).isGreaterThan(20);
        CORE_IS_PLAIN_JAVA.check(production);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses violating = new ClassFileImporter().importClasses(JdbcUsingCoreClass.class);
        assertThatThrownBy(() -> CORE_IS_PLAIN_JAVA.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.sql.Connection");
    }
}
