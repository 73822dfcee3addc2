package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.EngineIT;
import dev.scaler.chaos.Faults;
import dev.scaler.chaos.ProjectProxies;
import dev.scaler.plan.ObservedContainer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * `scaler chaos` against a real project with a real Toxiproxy: faults happen and are undone, only the project's
 * containers are touched, and a tool killed mid-experiment (SIGKILL) or interrupted (SIGTERM) leaves nothing
 * behind once the next command has run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosIT extends EngineIT {
    private static final String PROJECT = "chaos-it";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private Docker docker;
    private Path topology;
    private Path state;
    private final List<String> foreign = new java.util.ArrayList<>();

    @BeforeAll
    void up() throws IOException {
        docker = new Docker();
        docker.clear(PROJECT);
        state = dir.resolve(".scaler");
        System.setProperty("scaler.stateDir", state.toString());
        topology = dir.resolve(PROJECT + ".yaml");
        Files.writeString(topology, """
                name: chaos-it
                images: offline
                loadBalancer: { port: %d }
                web: { replicas: 2, sessions: redis }
                cache: { replicas: 0 }
                database: { kind: mariadb, replicas: 1 }
                proxies: true
                """.formatted(freePort()));
        var up = Scaler.run("up", topology.toString());
        assertThat(up.code()).as(up.transcript()).isZero();
    }

    @AfterAll
    void down() {
        docker.clear(PROJECT);
        docker.close();
        System.clearProperty("scaler.stateDir");
    }

    @BeforeEach
    void stateDir() {
        System.setProperty("scaler.stateDir", state.toString());
    }

    @AfterEach
    void removeForeign() {
        foreign.forEach(id -> docker.engine.remove(id, Duration.ZERO));
        foreign.clear();
        docker.clear("other-it");
        foreign.clear();
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Path experiment(String name, String body) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\n" + body);
        return file;
    }

    private Map<String, List<dev.scaler.chaos.Toxic>> toxics() {
        try (Faults faults = ProjectProxies.open(docker.engine, PROJECT).orElseThrow()) {
            return faults.active();
        }
    }

    private long toxicCount() {
        return toxics().values().stream().mapToLong(List::size).sum();
    }

    private String state(String container) {
        return docker.container(container).state();
    }

    @Test
    void faultsHappenOnScheduleAreUndoneAndTheRunIsStored() throws Exception {
        Path file = experiment("it-faults", """
                load: { rate: 40/s, duration: 8s }
                steps:
                  - at: 2s
                    kill: web[1]
                  - at: 2s
                    latency: { link: web -> database.primary, ms: 300 }
                    duration: 2s
                  - at: 5s
                    restore: web[1]
                hypothesis:
                  lostWrites: 0
                """);
        // While it runs, each fault is seen in effect from the outside.
        var killed = new java.util.concurrent.atomic.AtomicBoolean();
        var slowed = new java.util.concurrent.atomic.AtomicBoolean();
        var during = Thread.ofVirtual().start(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(killed.get() && slowed.get()) && System.nanoTime() < deadline) {
                killed.compareAndSet(false, state(PROJECT + "-web-1").equals("exited"));
                slowed.compareAndSet(false, toxics().getOrDefault("database-primary", List.of()).size() == 1);
                sleep(50);
            }
        });
        var run = Scaler.run("chaos", file.toString(), PROJECT, "--seed", "3", "--warmup", "0s");
        during.join();
        assertThat(killed).as("web-1 seen killed during the run").isTrue();
        assertThat(slowed).as("the latency toxic seen on database-primary during the run").isTrue();
        assertThat(run.code()).as(run.transcript()).isZero();
        assertThat(state(PROJECT + "-web-1")).isEqualTo("running");
        assertThat(toxicCount()).isZero();
        assertThat(Files.exists(state.resolve("chaos").resolve(PROJECT + ".jsonl"))).isFalse();

        String id = run.out().lines().filter(l -> l.startsWith("run ")).findFirst().orElseThrow().split("[ :]")[1];
        Path runDir = state.resolve("runs").resolve(id);
        var injections = Files.readAllLines(runDir.resolve("injections.jsonl"));
        assertThat(injections).hasSize(2);
        for (String line : injections) {
            JsonNode j = JSON.readTree(line);
            assertThat(j.get("applied").asDouble()).isGreaterThanOrEqualTo(j.get("scheduled").asDouble());
            assertThat(j.get("inEffect").asDouble()).isGreaterThanOrEqualTo(j.get("applied").asDouble());
        }
        var report = Scaler.run("report", "--run", id, "--format", "json");
        assertThat(report.code()).as(report.transcript()).isZero();
        JsonNode faults = JSON.readTree(report.out()).get("faults");
        assertThat(faults).extracting(f -> f.get("action").asText()).containsExactlyInAnyOrder("kill", "latency");
    }

    @Test
    void onlyTheProjectsOwnContainersAreEverTouched() throws Exception {
        // One that looks like ours by name but carries no label, one labelled with another project.
        var image = docker.container(PROJECT + "-web-1").image();
        foreign.add(docker.sleeper(PROJECT + "-web-3", image, Map.of()));
        foreign.add(docker.sleeper("other-it-web-1", image, Map.of("scaler.project", "other-it", "scaler.tier", "web",
                "scaler.index", "1")));
        Path file = experiment("it-all-web", """
                load: { rate: 20/s, duration: 4s }
                steps:
                  - at: 1s
                    pause: web[*]
                  - at: 2s
                    unpause: web[*]
                """);
        var run = Scaler.run("chaos", file.toString(), PROJECT, "--warmup", "0s");
        assertThat(run.code()).as(run.transcript()).isIn(ExitCode.OK, ExitCode.HYPOTHESIS_FAILED);
        assertThat(run.out()).contains(PROJECT + "-web-1").contains(PROJECT + "-web-2").doesNotContain("other-it")
                .doesNotContain(PROJECT + "-web-3");
        assertThat(docker.stateOf(PROJECT + "-web-3")).isEqualTo("running");
        assertThat(docker.stateOf("other-it-web-1")).isEqualTo("running");
        assertThat(docker.containers(PROJECT)).extracting(ObservedContainer::state).containsOnly("running");
    }

    private Process spawn(Path experiment) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(java, "-jar", Path.of("target/scaler.jar").toAbsolutePath().toString(),
                "chaos", experiment.toString(), PROJECT, "--warmup", "0s")
                .redirectErrorStream(true).redirectOutput(dir.resolve(experiment.getFileName() + ".log").toFile());
        builder.environment().put("SCALER_STATE_DIR", state.toString());
        return builder.start();
    }

    private Path crashExperiment(String name) throws IOException {
        return experiment(name, """
                load: { rate: 20/s, duration: 60s }
                steps:
                  - at: 1s
                    pause: web[1]
                  - at: 1s
                    stop: web[2]
                  - at: 1s
                    latency: { link: web -> database.primary, ms: 500 }
                  - at: 1s
                    partition: { link: web -> cache }
                """);
    }

    private java.util.Set<Path> runs() throws IOException {
        if (!Files.isDirectory(state.resolve("runs"))) {
            return java.util.Set.of();
        }
        try (var runs = Files.list(state.resolve("runs"))) {
            return runs.collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Waits until the run has applied this many faults (lines in its injections.jsonl). */
    private void awaitInjections(int count, Process process, java.util.Set<Path> before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the chaos process ended early: "
                    + Files.readString(dir.resolve(Files.list(dir).filter(p -> p.toString().endsWith(".log"))
                    .findFirst().orElseThrow()))).isTrue();
            try (var runs = Files.list(state.resolve("runs"))) {
                for (Path run : runs.filter(r -> !before.contains(r)).toList()) {
                    Path injections = run.resolve("injections.jsonl");
                    if (Files.exists(injections) && Files.readAllLines(injections).size() >= count) {
                        return;
                    }
                }
            } catch (java.nio.file.NoSuchFileException notYet) {
                // The run directory is not there yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the faults were not applied within 40 s");
    }

    private void assertNothingLeft() {
        assertThat(docker.containers(PROJECT)).extracting(c -> c.name() + " " + c.state())
                .allMatch(s -> s.endsWith(" running"));
        assertThat(toxics()).allSatisfy((proxy, list) -> assertThat(list).as(proxy).isEmpty());
        assertThat(Files.exists(state.resolve("chaos").resolve(PROJECT + ".jsonl"))).isFalse();
    }

    @Test
    void aToolKilledMidExperimentLeavesNothingOnceTheNextCommandRuns() throws Exception {
        var before = runs();
        Process chaos = spawn(crashExperiment("it-crash"));
        awaitInjections(4, chaos, before);
        chaos.destroyForcibly(); // SIGKILL: no hook runs
        assertThat(chaos.waitFor(10, TimeUnit.SECONDS)).isTrue();

        // What a crash leaves: the faults are still in effect, which the next command must undo.
        assertThat(state(PROJECT + "-web-1")).isEqualTo("paused");
        assertThat(state(PROJECT + "-web-2")).isEqualTo("exited");
        assertThat(toxicCount()).isEqualTo(1 + 2); // the latency, and the partition's two toxics on cache-1
        var status = Scaler.run("status", PROJECT);

        assertThat(status.code()).as(status.transcript()).isZero();
        assertThat(status.err()).contains("did not finish").contains("unpaused " + PROJECT + "-web-1")
                .contains("started " + PROJECT + "-web-2");
        assertNothingLeft();
    }

    @Test
    void anInterruptedExperimentUndoesItsFaultsAndExits4() throws Exception {
        var before = runs();
        Process chaos = spawn(crashExperiment("it-interrupt"));
        awaitInjections(4, chaos, before);
        chaos.destroy(); // SIGTERM, as Ctrl-C would
        assertThat(chaos.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(chaos.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
        assertNothingLeft();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
