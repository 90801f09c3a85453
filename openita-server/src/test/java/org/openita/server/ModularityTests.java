package org.openita.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
                .hasMessageContaining("Module 'alpha' depends on non-exposed type org.openita.fixture.modulith.beta.internal.BetaSecret within module 'beta'");
    }

    @Test
    void verificationFailsWhenAModuleUsesOneItHasNotDeclared() {
        assertThatThrownBy(() -> ApplicationModules.of(org.openita.fixture.allowed.FixtureAllowedApplication.class, location -> true).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'gamma' depends on module 'delta' via org.openita.fixture.allowed.gamma.Gamma -> org.openita.fixture.allowed.delta.Delta. Allowed targets: none.");
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

    /**
     * Modules whose internals live in {@code <module>.internal} (issue 11, ADR 0017). A module leaves this list only
     * by a decision recorded in ADR 0017; modules not yet split join it when they are.
     */
    static final Set<String> SPLIT = Set.of("agency", "api", "audit", "cli", "cycle", "database", "demo", "framework", "home", "identity",
            "measures", "publication", "reporting", "results", "security", "survey", "upload");

    @Test
    void splitModulesKeepTheirInternalsInAnInternalPackage() {
        assertThat(modules.stream().map(ApplicationModule::getName).collect(Collectors.toSet())).containsAll(SPLIT);
        assertThat(withoutInternalPackage(modules, SPLIT)).as("split modules without types in their internal package").isEmpty();
    }

    /**
     * The base package of a split module holds its API only: every public type there is used by another module (or by
     * the application class), or appears in a public signature of a type that is. Anything else belongs in the
     * internal package, so a controller or a JDBC helper added to a base package fails here.
     */
    @Test
    void aSplitModulesBasePackageHoldsOnlyWhatOtherModulesUse() {
        assertThat(unusedInBasePackage(modules, SPLIT)).as("public types in a split module's base package that no other module uses")
                .isEmpty();
    }

    @Test
    void bothInternalPackageChecksFailOnTheFixture() {
        ApplicationModules fixture = ApplicationModules.of(FixtureApplication.class, location -> true);
        Set<String> both = Set.of("alpha", "beta");
        assertThat(withoutInternalPackage(fixture, both)).containsExactly("alpha");
        // Beta is public in beta's base package and no module uses it; Alpha likewise
        assertThat(unusedInBasePackage(fixture, both)).containsExactly("org.openita.fixture.modulith.alpha.Alpha",
                "org.openita.fixture.modulith.beta.Beta");
    }

    static List<String> withoutInternalPackage(ApplicationModules modules, Set<String> names) {
        return modules.stream().filter(m -> names.contains(m.getName()))
                .filter(m -> m.getBasePackage().stream().noneMatch(c -> c.getPackageName().equals(m.getBasePackage().getName() + ".internal")))
                .map(ApplicationModule::getName).sorted().toList();
    }

    static List<String> unusedInBasePackage(ApplicationModules modules, Set<String> names) {
        Set<String> unused = new TreeSet<>();
        modules.stream().filter(m -> names.contains(m.getName())).forEach(m -> {
            String base = m.getBasePackage().getName();
            Set<JavaClass> candidates = m.getBasePackage().stream()
                    .filter(c -> c.getPackageName().equals(base) && c.getEnclosingClass().isEmpty())
                    .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && !c.getSimpleName().equals("package-info"))
                    .collect(Collectors.toSet());
            Set<JavaClass> api = new HashSet<>();
            Set<JavaClass> caughtElsewhere = modules.stream().filter(other -> !other.equals(m)).flatMap(other -> other.getBasePackage().stream())
                    .flatMap(c -> c.getCodeUnits().stream()).flatMap(u -> u.getTryCatchBlocks().stream())
                    .flatMap(t -> t.getCaughtThrowables().stream()).collect(Collectors.toSet());
            for (JavaClass c : candidates) {
                if (caughtElsewhere.contains(c) || c.getDirectDependenciesToSelf().stream().map(d -> d.getOriginClass().getPackageName())
                        .anyMatch(p -> !p.equals(base) && !p.startsWith(base + "."))) {
                    api.add(c);
                }
            }
            boolean grew = true;
            while (grew) {
                Set<JavaClass> reached = api.stream().flatMap(ModularityTests::withNested).flatMap(ModularityTests::typesInPublicSignatures)
                        .map(ModularityTests::outermost).filter(candidates::contains).collect(Collectors.toSet());
                grew = api.addAll(reached);
            }
            candidates.stream().filter(c -> !api.contains(c)).map(JavaClass::getName).forEach(unused::add);
        });
        return List.copyOf(unused);
    }

    /** The type with its public nested types, whose public members are part of the API too. */
    private static Stream<JavaClass> withNested(JavaClass type) {
        return type.getPackage().getClasses().stream()
                .filter(c -> c.equals(type) || (outermost(c).equals(type) && c.getModifiers().contains(JavaModifier.PUBLIC)));
    }

    private static JavaClass outermost(JavaClass type) {
        return type.getEnclosingClass().map(ModularityTests::outermost).orElse(type);
    }

    private static Stream<JavaClass> typesInPublicSignatures(JavaClass type) {
        Stream<JavaMember> members = Stream.of(type.getMethods(), type.getConstructors(), type.getFields())
                .flatMap(Set::stream).map(JavaMember.class::cast)
                .filter(member -> member.getModifiers().contains(JavaModifier.PUBLIC));
        return members.flatMap(member -> {
            if (member instanceof JavaCodeUnit unit) {
                return Stream.of(unit.getReturnType().getAllInvolvedRawTypes().stream(),
                        unit.getParameterTypes().stream().flatMap(p -> p.getAllInvolvedRawTypes().stream()),
                        unit.getThrowsClause().getTypes().stream()).flatMap(t -> t);
            }
            return ((JavaField) member).getType().getAllInvolvedRawTypes().stream();
        });
    }

    @Test
    void writeModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
