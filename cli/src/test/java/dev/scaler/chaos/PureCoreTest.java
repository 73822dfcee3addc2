package dev.scaler.chaos;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The experiment core (model, loader, selectors, resolution, schedule, dry run) is plain Java that unit tests
 * run in milliseconds: it touches neither Docker nor the network. The runner and the Toxiproxy client, which do,
 * live beside it in this package; they are not in this list.
 */
class PureCoreTest {

    private static final Set<String> PURE = Set.of("AbortLine", "Action", "ChaosScript", "Choice", "ContainerAction",
            "DryRun", "Experiment", "ExperimentBinder", "ExperimentException", "ExperimentLoader", "Gameday",
            "Guard", "Heal", "Link", "Links", "Load", "Member", "Needs", "NetworkFault", "NetworkFaultBinder",
            "Pick", "Role", "Rollback", "Schedule", "SelectorException", "Selections", "Selectors", "Snapshot",
            "SteadyState", "Step", "StepBinder", "Target", "TargetNotFoundException", "Targets");

    @Test
    void theCoreImportsNoAdapter() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scaler.chaos");
        var core = DescribedPredicate.describe("the experiment core", (JavaClass c) ->
                PURE.contains(c.getName().substring(c.getPackageName().length() + 1).split("\\$")[0]));
        // Every name above is a class, so a rename cannot quietly take a class out of the rule.
        org.assertj.core.api.Assertions.assertThat(classes.stream().filter(core).map(JavaClass::getSimpleName))
                .containsAll(PURE);
        noClasses().that(core).should().dependOnClassesThat().resideInAnyPackage("dev.scaler.engine..",
                "dev.scaler.provision..", "com.github.dockerjava..", "java.net.http..").check(classes);
    }
}
