package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.load.Merge;
import dev.scaler.load.Window;
import dev.scaler.plan.Tier;
import dev.scaler.state.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `scaler load --generators 2` against a real web tier: two generator containers on the project's network, their
 * figures merged exactly into one run, and nothing of them left on the engine afterwards, also after Ctrl-C.
 */
class GeneratorsIT extends ProjectIT {
    private static final String PROJECT = "m-it-generators";

    @Override
    String project() {
        return PROJECT;
    }

    private List<String> generatorContainers() {
        return docker.containers(PROJECT).stream().filter(c -> Tier.GENERATOR.label().equals(c.tier()))
                .map(c -> c.name()).toList();
    }

    @Test
    void twoGeneratorsAreMergedIntoOneRunAndLeaveNothingBehind() throws Exception {
        Path file = dir.resolve(PROJECT + ".yaml");
        Files.writeString(file, "name: " + PROJECT + "\nimages: offline\nloadBalancer: { port: " + port + " }\n"
                + "web: { replicas: 2, sessions: redis }\ncache: { kind: redis, replicas: 0, sentinels: 0 }\n");
        var up = Scaler.run("up", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();

        var load = Scaler.run("load", PROJECT, "--generators", "2", "--rate", "40", "--duration", "5s", "--users", "10",
                "--seed", "5", "--warmup", "0s", "--sample-interval", "0s");
        assertThat(load.code()).as(load.transcript()).isZero();
        assertThat(load.out()).contains("2 generators ready").contains("seed 5, 2 generators");
        assertThat(generatorContainers()).as("generator containers after the run").isEmpty();

        var json = Scaler.run("report", "--format", "json");
        assertThat(json.code()).as(json.transcript()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.path("run").path("generators").asInt()).isEqualTo(2);
        JsonNode generators = doc.path("generators");
        assertThat(generators).hasSize(2);
        assertThat(generators.get(0).path("seed").asLong()).isEqualTo(6);
        assertThat(generators.get(1).path("seed").asLong()).isEqualTo(7);
        long attempts = 0;
        long dropped = 0;
        for (JsonNode g : generators) {
            assertThat(g.path("rate").asDouble()).isEqualTo(20.0);
            assertThat(g.path("attempts").asLong()).isBetween(95L, 100L); // 20/s for 5 s, each its own share
            attempts += g.path("attempts").asLong();
            dropped += g.path("dropped").asLong();
        }
        assertThat(doc.path("whole").path("attempts").asLong()).isEqualTo(attempts);
        assertThat(doc.path("whole").path("dropped").asLong()).isEqualTo(dropped);
        assertThat(doc.path("whole").path("availability").asDouble()).isGreaterThanOrEqualTo(0.99);

        // Each generator's own run is kept; merged again here, its histograms give the report's p99 exactly.
        String id = doc.path("run").path("id").asText();
        var own = new RunStore(dir.resolve(".scaler/runs").resolve(id).resolve(RunStore.GENERATOR_RUNS));
        var lists = new ArrayList<List<Window>>();
        for (String g : List.of("1", "2")) {
            lists.add(own.load(g).windows());
        }
        var all = Merge.window(Merge.windows(lists));
        assertThat(all.attempts()).isEqualTo(attempts);
        assertThat(doc.path("whole").path("latency").path("p99").asDouble())
                .isEqualTo(all.latency().getValueAtPercentile(99) / 1000.0);
        var table = Scaler.run("report", "--format", "table");
        assertThat(table.out()).contains("2 generators").contains("generators (each its share");

        // Ctrl-C while the generators send: exit 4, what they measured is stored, and their containers are gone.
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        var process = new ProcessBuilder(javaBin.toString(), "-Dscaler.stateDir=" + dir.resolve(".scaler"), "-jar",
                Path.of("target/scaler.jar").toAbsolutePath().toString(), "load", PROJECT, "--generators", "2",
                "--rate", "20", "--duration", "60s", "--warmup", "0s", "--users", "10")
                .redirectErrorStream(true).redirectOutput(dir.resolve("load.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!Files.readString(dir.resolve("load.log")).contains("generators ready") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(generatorContainers()).as(Files.readString(dir.resolve("load.log"))).hasSize(2);
        Thread.sleep(2500);
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("load.log"));
        assertThat(process.exitValue()).as(log).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(generatorContainers()).as(log).isEmpty();
        var stopped = new ObjectMapper().readTree(Scaler.run("report", "--format", "json").out());
        assertThat(stopped.path("run").path("generators").asInt()).isEqualTo(2);
        assertThat(stopped.path("whole").path("attempts").asLong()).as(log).isBetween(20L, 600L);

        var down = Scaler.run("down", PROJECT);
        assertThat(down.code()).as(down.transcript()).isZero();
    }
}
