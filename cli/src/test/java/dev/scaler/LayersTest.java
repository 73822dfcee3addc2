package dev.scaler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md: the pure core touches no file, no network and no Docker, and the arrows
 * between packages go one way.
 */
class LayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.scaler");

    /**
     * The pure core, the one list: whole packages, and for {@code chaos} and {@code load}, adapters with a pure model,
     * their model classes by name (docs/architecture.md says which and why).
     */
    private static final List<String> PURE = List.of(
            "yaml", "topology", "plan", "sql", "failover", "monitor", "report", "export", "autoscale", "cluster", "swarm",
            "chaos.AbortLine", "chaos.Action", "chaos.ChaosScript", "chaos.Choice", "chaos.ContainerAction", "chaos.DryRun",
            "chaos.Experiment", "chaos.ExperimentBinder", "chaos.ExperimentException", "chaos.ExperimentLoader",
            "chaos.Gameday", "chaos.Guard", "chaos.Heal", "chaos.Link", "chaos.Links", "chaos.Load", "chaos.Member", "chaos.Needs",
            "chaos.NetworkFault", "chaos.NetworkFaultBinder", "chaos.NodeAction", "chaos.NodeTarget", "chaos.Pick", "chaos.Role", "chaos.Rollback",
            "chaos.Schedule", "chaos.SelectorException", "chaos.Selections", "chaos.Selectors", "chaos.Snapshot", "chaos.SteadyState", "chaos.StepAction",
            "chaos.Step", "chaos.StepBinder", "chaos.Target", "chaos.TargetNotFoundException", "chaos.Targets",
            "load.FailureKind", "load.GeneratorFigures", "load.JobFigures", "load.JobLedger", "load.JobOutcome",
            "load.Journey", "load.JourneyMix", "load.LedgerEntry", "load.LoadResult", "load.LoadShape", "load.LostWrite",
            "load.Merge", "load.Recording", "load.Serves", "load.Stage", "load.Verification", "load.Window");

    private static final DescribedPredicate<JavaClass> IN_THE_PURE_CORE =
            DescribedPredicate.describe("in the pure core", LayersTest::pure);

    private static boolean pure(JavaClass c) {
        String name = c.getName();
        if (!name.startsWith("dev.scaler.")) {
            return false;
        }
        String local = name.substring("dev.scaler.".length()).split("\\$")[0];
        return PURE.stream().anyMatch(entry -> local.equals(entry) || local.startsWith(entry + "."));
    }

    @Test
    void thePureCoreTouchesNoFileNoNetworkNoDockerAndNoAdapter() {
        // Every name in the list is a class or a package, so a rename cannot quietly take something out of the rule.
        for (String entry : PURE) {
            assertThat(CLASSES.stream().map(JavaClass::getName))
                    .as("%s in the list of the pure core", entry)
                    .anyMatch(n -> n.equals("dev.scaler." + entry) || n.startsWith("dev.scaler." + entry + "."));
        }
        noClasses().that(IN_THE_PURE_CORE).should().dependOnClassesThat(DescribedPredicate.describe(
                "are files, network, Docker or an adapter of scaler", (JavaClass c) ->
                        c.getName().matches("java\\.io\\.(File|FileDescriptor|RandomAccessFile)\\b.*")
                                || c.getName().matches("java\\.io\\.File[A-Z].*")
                                || c.getPackageName().startsWith("java.nio.file")
                                || c.getPackageName().startsWith("java.net")
                                || c.getPackageName().startsWith("com.github.dockerjava")
                                || c.getName().startsWith("dev.scaler.") && !pure(c)))
                .check(CLASSES);
    }

    private static void onlyDependsOn(String pkg, String... allowed) {
        var others = new ArrayList<String>();
        for (String p : new String[] {"yaml", "topology", "plan", "engine", "state", "files", "sql", "provision",
                "failover", "load", "monitor", "collect", "report", "chaos", "export", "autoscale", "cluster", "swarm", "nodes", "cli"}) {
            if (!p.equals(pkg) && !List.of(allowed).contains(p)) {
                others.add("dev.scaler." + p + "..");
            }
        }
        noClasses().that().resideInAPackage("dev.scaler." + pkg + "..").should().dependOnClassesThat()
                .resideInAnyPackage(others.toArray(String[]::new)).allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void everyPackageImportsOnlyWhatIsBelowIt() {
        onlyDependsOn("yaml");
        onlyDependsOn("topology", "yaml");
        onlyDependsOn("plan", "topology", "yaml", "sql");
        onlyDependsOn("sql");
        onlyDependsOn("failover");
        // load reads durations as yaml.Durations does, the one definition of how scaler spells a duration
        onlyDependsOn("load", "yaml");
        onlyDependsOn("monitor");
        onlyDependsOn("report", "load", "monitor");
        onlyDependsOn("export", "plan");
        onlyDependsOn("autoscale", "topology");
        onlyDependsOn("cluster");
        onlyDependsOn("swarm", "plan");
        onlyDependsOn("engine", "plan", "topology", "swarm");
        onlyDependsOn("state", "report", "load", "monitor");
        onlyDependsOn("files", "yaml", "topology", "chaos");
        onlyDependsOn("provision", "engine", "plan", "topology", "state", "sql", "failover", "swarm");
        // chaos writes its timeline as report.Event and checks hypotheses with report.Hypothesis: one definition each
        // (docs/architecture.md says why this arrow was added).
        onlyDependsOn("chaos", "engine", "provision", "plan", "topology", "yaml", "load", "report", "nodes", "cluster");
        onlyDependsOn("nodes", "engine", "cluster");
        onlyDependsOn("collect", "monitor", "engine", "plan", "topology", "state", "sql", "provision", "failover");
    }

    @Test
    void noCycles() {
        slices().matching("dev.scaler.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
