package org.imagelabeler.platform.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way, labeler -> platform: no platform class refers to a labeler class,
 * and the assembled platform (this module's class path) holds no labeler jar at all, so the
 * platform builds, starts and serves on its own.
 */
class PlatformIndependenceTest {

    @Test
    void platformClassesDoNotDependOnTheLabeler() {
        JavaClasses platform = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.imagelabeler.platform");
        assertThat(platform.size()).as("platform classes imported").isGreaterThan(50);
        noClasses()
                .that()
                .resideInAPackage("org.imagelabeler.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.imagelabeler.labeler..")
                .check(platform);
    }

    @Test
    void platformClassPathHoldsNoLabelerModule() {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        assertThat(Arrays.stream(entries).filter(e -> e.contains("platform-core")))
                .as("the class path is the platform's")
                .isNotEmpty();
        assertThat(entries).noneMatch(e -> e.contains("labeler-extension") || e.contains("labeler-web-ui"));
        assertThat(getClass().getClassLoader().getResource("org/imagelabeler/labeler"))
                .isNull();
    }
}
