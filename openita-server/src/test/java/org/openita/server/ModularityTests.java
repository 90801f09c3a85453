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
    void verificationFailsWhenAModuleUsesOneItHasNotDeclared() {
        assertThatThrownBy(() -> ApplicationModules.of(org.openita.fixture.allowed.FixtureAllowedApplication.class, location -> true).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("gamma").hasMessageContaining("delta");
    }

    @Test
    void everyModuleDeclaresWhatItMayUse() {
        assertThat(modules.stream().map(m -> m.getBasePackage().getName())
                .filter(p -> !p.endsWith(".web")) // the open module of shared web infrastructure
                .filter(ModularityTests::declaresNoDependencies).toList())
                .as("modules without allowedDependencies").isEmpty();
    }

    private static boolean declaresNoDependencies(String packageName) {
        try {
            var module = Class.forName(packageName + ".package-info").getAnnotation(org.springframework.modulith.ApplicationModule.class);
            return module == null || java.util.List.of(module.allowedDependencies()).contains(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
        } catch (ClassNotFoundException e) {
            return true;
        }
    }

    @Test
    void writeModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
