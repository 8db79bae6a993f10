package ai.osvi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The gate's core ({@code ai.osvi.gate} and below) knows no Maven type and never reaches into the Maven adapter
 * ({@code ai.osvi.maven}), and no class or package of the plugin depends on itself through others.
 */
class LayeringTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.osvi");

    @Test
    void the_core_should_use_no_maven_type_and_nothing_of_the_maven_adapter() {
        assertThat(PLUGIN.that(JavaClass.Predicates.resideInAPackage("ai.osvi.gate..")))
                .hasSizeGreaterThan(30);
        noClasses()
                .that()
                .resideInAPackage("ai.osvi.gate..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..", "ai.osvi.maven..")
                .check(PLUGIN);
    }

    @Test
    void no_package_should_depend_on_itself_through_others() {
        slices().matching("ai.osvi.(**)").should().beFreeOfCycles().check(PLUGIN);
    }

    @Test
    void no_class_should_depend_on_itself_through_others() {
        slices().assignedFrom(TOP_LEVEL_CLASSES).should().beFreeOfCycles().check(PLUGIN);
    }

    /** A slice per top-level class: a nested class belongs to the class it is written in. */
    private static final SliceAssignment TOP_LEVEL_CLASSES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getName();
            int nested = name.indexOf('$');
            return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
        }

        @Override
        public String getDescription() {
            return "top-level classes";
        }
    };
}
