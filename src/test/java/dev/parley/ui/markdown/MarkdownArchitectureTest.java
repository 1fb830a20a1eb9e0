package dev.parley.ui.markdown;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The parser and its model stay plain Java, usable and testable without a JavaFX toolkit. */
class MarkdownArchitectureTest {

    @Test
    void onlyTheViewClassesUseJavaFx() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.parley.ui.markdown");
        noClasses()
                .that().resideInAPackage("dev.parley.ui.markdown")
                .and().doNotHaveSimpleName("MarkdownView")
                .and().doNotHaveSimpleName("BlockView")
                .and().doNotHaveSimpleName("RunFlow")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
