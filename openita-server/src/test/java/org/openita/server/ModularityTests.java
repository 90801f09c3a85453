package org.openita.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openita.fixture.modulith.FixtureApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/** The server is a modular monolith: module boundaries are verified on every build. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(OpenItaApplication.class);

    @Test
    void moduleBoundariesHold() {
        modules.verify();
        assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .contains("org.openita.server.framework", "org.openita.server.results", "org.openita.server.home", "org.openita.server.cli",
                        "org.openita.server.database", "org.openita.server.security");
    }

    @Test
    void verificationFailsWhenAModuleReachesIntoAnotherModulesInternals() {
        assertThatThrownBy(() -> ApplicationModules.of(FixtureApplication.class, location -> true).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("internal");
    }

    @Test
    void writeModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
