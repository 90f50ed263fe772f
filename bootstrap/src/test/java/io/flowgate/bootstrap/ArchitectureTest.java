package io.flowgate.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hexagon's dependency directions, checked on the compiled production classes. */
class ArchitectureTest {

    private static final String DOMAIN = "io.flowgate.domain..";
    private static final String APPLICATION = "io.flowgate.application..";
    private static final String REST = "io.flowgate.adapter.in.rest..";
    private static final String PERSISTENCE = "io.flowgate.adapter.out.persistence..";
    private static final String OAUTH = "io.flowgate.adapter.out.oauth..";
    private static final String BOOTSTRAP = "io.flowgate.bootstrap..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.flowgate");
    }

    /** Without this, a renamed package would turn every rule below into a silent no-op. */
    @ParameterizedTest
    @ValueSource(strings = {DOMAIN, APPLICATION, "io.flowgate.application.port.in..",
            "io.flowgate.application.port.out..", "io.flowgate.application.service..", REST, PERSISTENCE, OAUTH,
            BOOTSTRAP})
    void everyLayerPackage_hasClasses(String layer) {
        String prefix = layer.substring(0, layer.length() - 2);
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(prefix))).isNotEmpty();
    }

    @Test
    void domain_usesTheJdkOnly() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .check(classes);
    }

    @Test
    void application_dependsOnTheDomainAndTheJdkOnly() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                .check(classes);
    }

    @Test
    void services_areReachedOnlyThroughTheirPorts() {
        noClasses().that().resideOutsideOfPackages("io.flowgate.application.service..", BOOTSTRAP)
                .should().dependOnClassesThat().resideInAPackage("io.flowgate.application.service..")
                .check(classes);
    }

    @Test
    void adapters_doNotDependOnEachOtherOrOnBootstrap() {
        noClasses().that().resideInAPackage(REST)
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, OAUTH, BOOTSTRAP)
                .check(classes);
        noClasses().that().resideInAPackage(PERSISTENCE)
                .should().dependOnClassesThat().resideInAnyPackage(REST, OAUTH, BOOTSTRAP)
                .check(classes);
        noClasses().that().resideInAPackage(OAUTH)
                .should().dependOnClassesThat().resideInAnyPackage(REST, PERSISTENCE, BOOTSTRAP)
                .check(classes);
    }

    @Test
    void frameworks_stayInTheirAdapters() {
        noClasses().that().resideOutsideOfPackages(PERSISTENCE, BOOTSTRAP)
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..",
                        "org.flywaydb..", "com.zaxxer..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages(REST, BOOTSTRAP)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.glassfish.jersey..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages(OAUTH)
                .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds..")
                .check(classes);
    }
}
