package dev.scaler;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows of ARCHITECTURE.md go one way: a package imports only the packages below it. */
class LayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.scaler");

    private static void onlyDependsOn(String pkg, String... allowed) {
        var others = new java.util.ArrayList<String>();
        for (String p : new String[] {"yaml", "topology", "plan", "engine", "state", "sql", "provision", "failover",
                "load", "monitor", "collect", "report", "chaos", "export", "cli"}) {
            if (!p.equals(pkg) && !java.util.List.of(allowed).contains(p)) {
                others.add("dev.scaler." + p + "..");
            }
        }
        noClasses().that().resideInAPackage("dev.scaler." + pkg + "..").should().dependOnClassesThat()
                .resideInAnyPackage(others.toArray(String[]::new)).allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void thePureCoreImportsNoAdapter() {
        onlyDependsOn("yaml");
        onlyDependsOn("topology", "yaml");
        onlyDependsOn("plan", "topology", "yaml", "sql");
        onlyDependsOn("sql");
        onlyDependsOn("failover");
        onlyDependsOn("load");
        onlyDependsOn("monitor");
        onlyDependsOn("report", "load", "monitor");
        onlyDependsOn("export", "plan");
    }

    @Test
    void adaptersImportOnlyWhatIsBelowThem() {
        onlyDependsOn("engine", "plan", "topology");
        onlyDependsOn("state", "report", "load", "monitor");
        onlyDependsOn("provision", "engine", "plan", "topology", "state", "sql", "failover");
        // chaos writes its timeline as report.Event and checks hypotheses with report.Hypothesis: one definition each
        // (docs/architecture.md says why this arrow was added to ARCHITECTURE.md's table).
        onlyDependsOn("chaos", "engine", "provision", "plan", "topology", "yaml", "load", "report");
        onlyDependsOn("collect", "monitor", "engine", "plan", "topology", "state", "sql", "provision", "failover");
    }

    @Test
    void noCycles() {
        slices().matching("dev.scaler.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
