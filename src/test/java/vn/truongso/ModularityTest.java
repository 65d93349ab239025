package vn.truongso;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold: no module reaches into another's internals, and there are no cycles. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(TruongSoApplication.class);

    @Test
    void boundariesAreRespected() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
