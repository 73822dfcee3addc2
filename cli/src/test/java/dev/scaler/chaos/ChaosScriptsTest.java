package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.files.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file shipped in chaos-scripts/ loads, is named after its file, and can run where it says it can. */
class ChaosScriptsTest {

    static Path dir() {
        return Starter.repositoryRoot().resolve("chaos-scripts");
    }

    static Stream<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void loadsAndIsNamedAfterItsFile(Path file) throws Exception {
        ChaosScript script = InputFile.script(file);
        assertThat(script.name()).isEqualTo(stem(file));
        assertThat(script.description()).isNotBlank();
        if (script instanceof Experiment e) {
            assertThat(e.hypothesis()).as("%s judges its run", file.getFileName()).isNotEmpty();
            assertThat(Schedule.of(e).entries()).isNotEmpty();
            assertThat(e.load().rate()).isBetween(100.0, 200.0);
            assertThat(e.load().duration().toSeconds()).isBetween(40L, 60L);
        }
    }

    @Test
    void theBuiltInsOfTheDesignAreAllThere() throws IOException {
        assertThat(files().map(ChaosScriptsTest::stem)).containsExactlyInAnyOrder("kill-primary", "kill-web",
                "kill-cache", "cache-latency", "db-latency", "partition-shard", "kill-shard-primary", "lb-restart",
                "cdn-origin-down", "dc-partition", "kill-workers", "kill-queue-node", "queue-latency", "partition-queue",
                "kill-node", "partition-node", "gameday");
    }

    @Test
    void theGamedayListsEveryOtherExperimentOfOneEngineAndNothingElse() throws Exception {
        Gameday gameday = (Gameday) InputFile.script(dir().resolve("gameday.yaml"));
        // Node actions need a swarm of `scaler cluster up`: a gameday runs against one project on one engine.
        List<String> others = files().filter(f -> !stem(f).equals("gameday")).filter(f -> !onNodes(f))
                .map(ChaosScriptsTest::stem).toList();
        assertThat(others).doesNotContain("kill-node", "partition-node");
        assertThat(gameday.experiments()).containsExactlyInAnyOrderElementsOf(others);
    }

    @Test
    void onTheStarterOnlyTheCdnDatacenterAndQueueOnesLackSomething() throws Exception {
        var topology = Starter.topology();
        for (Path file : files().toList()) {
            if (InputFile.script(file) instanceof Experiment e) {
                List<String> unmet = Needs.unmet(e, topology);
                switch (e.name()) {
                    case "cdn-origin-down" -> assertThat(unmet).containsExactly("a cdn");
                    case "kill-queue-node", "queue-latency", "partition-queue" -> assertThat(unmet).as(e.name())
                            .contains("a queue");
                    case "kill-workers" -> assertThat(unmet).containsExactly("a worker");
                    case "dc-partition" -> assertThat(unmet).containsExactly("two datacenters or more",
                            "a datacenter named us-east", "a datacenter named eu-west");
                    default -> assertThat(unmet).as(e.name()).isEmpty();
                }
            }
        }
    }

    private static boolean onNodes(Path file) {
        try {
            return InputFile.script(file) instanceof Experiment e
                    && e.steps().stream().anyMatch(st -> st.action() instanceof NodeAction);
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    @Test
    void theReadmeIndexesEveryFile() throws IOException {
        String readme = Files.readString(dir().resolve("README.md"));
        assertThat(readme).doesNotContain("Nothing here runs yet");
        files().map(ChaosScriptsTest::stem).forEach(name -> assertThat(readme).contains("(" + name + ".yaml)"));
    }
}
