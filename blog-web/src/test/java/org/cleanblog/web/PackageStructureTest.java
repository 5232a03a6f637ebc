package org.cleanblog.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The package structure of blog-web (docs/architecture.md, ADR 0019): no package cycles, the http layer knows no
 * feature, and page classes are package-private. Checked on the compiled main classes, including the classes JTE
 * generates from the templates (they sit in their feature's package).
 */
class PackageStructureTest {
    private static final String WEB = "org.cleanblog.web";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(WEB);

    /** Every package of blog-web is one slice, the root package {@code org.cleanblog.web} included. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(WEB)) {
                return SliceIdentifier.of("(root)");
            }
            if (name.startsWith(WEB + ".")) {
                return SliceIdentifier.of(name.substring(WEB.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of blog-web, " + WEB + " itself included";
        }
    };

    @Test
    void shouldHaveNoPackageCycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldKeepTheHttpLayerFreeOfFeatures() {
        classes()
                .that()
                .resideInAPackage(WEB + ".http..")
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage(WEB + "..").or(resideInAnyPackage(WEB + ".http..", WEB + ".session..")))
                .because("http is the framework layer: features build on it, not the other way round")
                .check(MAIN);
    }

    @Test
    void shouldKeepPageClassesPackagePrivate() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Pages")
                .should()
                .notBePublic()
                .because("each feature registers its own routes through its public XxxRoutes")
                .check(MAIN);
    }
}
