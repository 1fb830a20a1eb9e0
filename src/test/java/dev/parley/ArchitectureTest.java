package dev.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package rules the design holds to, checked on the compiled main classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley");

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.parley.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the pipeline is shared by the window and the WebSocket server and must run headless")
                .check(MAIN);
    }

    @Test
    void viewModelsDoNotTouchControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models are tested without a toolkit; views only bind to them")
                .check(MAIN);
    }

    @Test
    void featuresDoNotReachIntoTheWindowOrTheServer() {
        noClasses().that().resideInAnyPackage("dev.parley.llm..", "dev.parley.chat..", "dev.parley.tts..",
                        "dev.parley.audio..", "dev.parley.config..", "dev.parley.concurrent..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.ui..", "dev.parley.server..")
                .check(MAIN);
    }
}
