package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.plan.Tier;
import dev.scaler.state.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

/**
 * `--generators 2` against a real web tier: in a chaos run, two generator containers on the project's network send
 * every other arrival of one schedule while a fault comes and goes, and their figures are merged exactly into one run;
 * a load run stopped by Ctrl-C stores what they measured; and nothing of them is left on the engine afterwards.
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

    /** Every interval histogram of an HdrHistogram log, added into one, read with HdrHistogram's own reader. */
    private static Histogram allOf(Path hlog, Histogram into) throws Exception {
        try (var reader = new HistogramLogReader(hlog.toFile())) {
            for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                into.add((Histogram) h);
            }
        }
        return into;
    }

    /** Where the test's time goes, for the CI budget (failsafe keeps it in the test's output). */
    private static void took(long since, String what) {
        System.out.printf("GeneratorsIT: %s at %.1f s%n", what, (System.nanoTime() - since) / 1e9);
    }

    @Test
    void twoGeneratorsAreMergedIntoOneRunAndLeaveNothingBehind() throws Exception {
        long t0 = System.nanoTime();
        Path file = dir.resolve(PROJECT + ".yaml");
        Files.writeString(file, "name: " + PROJECT + "\nimages: offline\nloadBalancer: { port: " + port + " }\n"
                + "web: { replicas: 2 }\n");
        var up = Scaler.run("up", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();
        took(t0, "up");

        // browse is one request per arrival, so requests count arrivals exactly: 40/s for 5 s is 200, 100 each, and
        // a request that fails while web-1 is paused is counted as one too.
        Path experiment = dir.resolve("it-generators.yaml");
        Files.writeString(experiment, """
                name: it-generators
                load: { rate: 40/s, duration: 5s, journeys: { browse: 100 }, users: 10 }
                steps:
                  - at: 2s
                    pause: web[1]
                  - at: 3s
                    unpause: web[1]
                """);
        var load = Scaler.run("chaos", experiment.toString(), PROJECT, "--generators", "2", "--seed", "5",
                "--warmup", "0s", "--sample-interval", "0s");
        took(t0, "chaos run");
        assertThat(load.code()).as(load.transcript()).isIn(ExitCode.OK, ExitCode.HYPOTHESIS_FAILED);
        assertThat(load.out()).contains("2 generators ready").contains("seed 5, 2 generators");
        assertThat(generatorContainers()).as("generator containers after the run").isEmpty();
        assertThat(docker.stateOf(PROJECT + "-web-1")).as("the fault rolled back").isEqualTo("running");

        var json = Scaler.run("report", "--format", "json");
        assertThat(json.code()).as(json.transcript()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.path("run").path("generators").asInt()).isEqualTo(2);
        JsonNode generators = doc.path("generators");
        assertThat(generators).hasSize(2);
        assertThat(generators.get(0).path("seed").asLong()).isEqualTo(6);
        assertThat(generators.get(1).path("seed").asLong()).isEqualTo(7);
        for (JsonNode g : generators) {
            assertThat(g.path("rate").asDouble()).isEqualTo(20.0);
            assertThat(g.path("attempts").asLong()).as(g.toString()).isEqualTo(100);
        }
        JsonNode whole = doc.path("whole");
        assertThat(whole.path("attempts").asLong()).isEqualTo(200);
        assertThat(whole.path("dropped").asLong()).isEqualTo(generators.get(0).path("dropped").asLong()
                + generators.get(1).path("dropped").asLong());
        assertThat(doc.path("faults")).extracting(f -> f.path("action").asText()).contains("pause");
        // One clock: each second holds the 40 arrivals one generator at 40/s would have scheduled in it, half from
        // each, not two schedules side by side or a second apart.
        assertThat(doc.path("windows")).hasSize(5);
        doc.path("windows").forEach(w -> assertThat(w.path("attempts").asLong()).as(w.toString()).isEqualTo(40));

        // Each generator's own run is kept with its HdrHistogram log; all of their intervals in one histogram (read
        // with HdrHistogram's reader, not scaler's) hold every latency once, and give the report's percentiles.
        Path run = dir.resolve(".scaler/runs").resolve(doc.path("run").path("id").asText());
        var one = new Histogram(3);
        for (String g : List.of("1", "2")) {
            allOf(run.resolve(RunStore.GENERATOR_RUNS).resolve(g).resolve(RunStore.HISTOGRAMS), one);
        }
        long parts = 0;
        for (String g : List.of("1", "2")) {
            parts += allOf(run.resolve(RunStore.GENERATOR_RUNS).resolve(g).resolve(RunStore.HISTOGRAMS),
                    new Histogram(3)).getTotalCount();
        }
        assertThat(one.getTotalCount()).isEqualTo(parts).isEqualTo(whole.path("latency").path("count").asLong())
                .isEqualTo(whole.path("successes").asLong() + whole.path("failed").asLong());
        assertThat(allOf(run.resolve(RunStore.HISTOGRAMS), new Histogram(3))).as("the run's own log").isEqualTo(one);
        assertThat(whole.path("latency").path("p99").asDouble()).isEqualTo(one.getValueAtPercentile(99) / 1000.0);
        assertThat(whole.path("latency").path("p50").asDouble()).isEqualTo(one.getValueAtPercentile(50) / 1000.0);
        var table = Scaler.run("report", "--format", "table");
        assertThat(table.out()).contains("2 generators").contains("generators (each its share");
        took(t0, "reports checked");

        // Ctrl-C while the generators send: exit 4, what they measured is stored, and their containers are gone.
        var process = Scaler.start(dir.resolve(".scaler"), dir.resolve("load.log"), "load", PROJECT, "--generators",
                "2", "--rate", "40", "--duration", "60s", "--warmup", "0s", "--users", "10", "--journeys", "browse=1");
        eventually(Duration.ofSeconds(40), "two generators sending", () -> {
            try {
                return Files.readString(dir.resolve("load.log")).contains("generators ready")
                        && generatorContainers().size() == 2;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        took(t0, "generators of the second run ready");
        Thread.sleep(2000);
        Scaler.interrupt(process);
        assertThat(process.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("load.log"));
        took(t0, "second run stopped");
        assertThat(process.exitValue()).as(log).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(generatorContainers()).as(log).isEmpty();
        var stopped = new ObjectMapper().readTree(Scaler.run("report", "--format", "json").out());
        assertThat(stopped.path("run").path("generators").asInt()).isEqualTo(2);
        // About 1 s of 40/s was sent before Ctrl-C (second 0 is a second after "ready"); far from the 2400 asked.
        assertThat(stopped.path("whole").path("attempts").asLong()).as(log).isBetween(10L, 400L);

        var down = Scaler.run("down", PROJECT);
        assertThat(down.code()).as(down.transcript()).isZero();
        took(t0, "down");
    }
}
