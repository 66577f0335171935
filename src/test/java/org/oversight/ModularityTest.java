package org.oversight;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries honest: no cycles, no reaching into another module's internals. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(OversightApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws java.io.IOException {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        java.nio.file.Path components = java.nio.file.Path.of("target/spring-modulith-docs", "components.puml");
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(components))
                .contains("Inspection").contains("Improvement").contains("Compliance");
    }
}
