package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in experiment's hypothesis can fail: the same fault, with the same hypothesis lines, passes on a system
 * that has the protection the experiment is about and fails on one without it. Two small projects stand side by side:
 * {@code guarded-it} (two web replicas, Redis with a replica and Sentinels, a database replica with automatic
 * failover) and {@code bare-it} (one web replica, Redis alone, `failover: manual`). The experiments are the built-ins
 * with their faults as written, their schedules shortened to keep CI time in bounds, and those of their hypothesis
 * lines that do not depend on the run's length (the built-ins themselves are measured against the starter by
 * bench/experiments.py).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuiltInControlsIT {
    private static final String GUARDED = "guarded-it";
    private static final String BARE = "bare-it";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOAD = "load: { rate: 50/s, duration: %ds, journeys: { browse: 60, write: 20, login: 10,"
            + " account: 10 }, timeout: 2s }\n";

    @TempDir
    static Path dir;

    private Docker docker;
    private Path state;

    /** One run of an experiment: the exit code and the stored report. */
    record Outcome(int code, String id, JsonNode report, String transcript) {
        double availability() {
            return report.get("whole").get("availability").asDouble();
        }

        long failed() {
            return report.get("whole").get("failed").asLong();
        }

        /** The worst recovery as the report words it: seconds, or "did not recover". */
        String recovery() {
            JsonNode worst = null;
            for (JsonNode f : report.get("faults")) {
                if (!f.get("recovered").asBoolean()) {
                    return "did not recover";
                }
                worst = worst == null || f.get("recoverySeconds").asDouble() > worst.get("recoverySeconds").asDouble()
                        ? f : worst;
            }
            return worst == null ? "-" : "%.1f s".formatted(worst.get("recoverySeconds").asDouble());
        }

        /** Whether the hypothesis line of that name held. */
        boolean held(String line) {
            for (JsonNode h : report.get("hypothesis")) {
                if (h.get("name").asText().equals(line)) {
                    return h.get("passed").asBoolean();
                }
            }
            throw new AssertionError("no hypothesis line " + line + " in " + report.get("hypothesis"));
        }

        String figures() {
            return "exit %d, availability %.2f%% (%d failed), p99 %.1f ms, recovery %s".formatted(code, 100 * availability(),
                    failed(), report.get("whole").get("latency").get("p99").asDouble(), recovery());
        }
    }

    @BeforeAll
    void up() throws IOException {
        docker = new Docker();
        docker.clear(GUARDED);
        docker.clear(BARE);
        state = dir.resolve(".scaler");
        System.setProperty("scaler.stateDir", state.toString());
        up(GUARDED, """
                web: { replicas: 2, sessions: redis }
                cache: { replicas: 1, sentinels: 3 }
                database: { kind: mariadb, replicas: 1, failover: auto }
                """);
        up(BARE, """
                web: { replicas: 1, sessions: redis }
                cache: { replicas: 0 }
                database: { kind: mariadb, replicas: 1, failover: manual }
                """);
    }

    private void up(String project, String tiers) throws IOException {
        Path topology = dir.resolve(project + ".yaml");
        Files.writeString(topology, "name: %s\nimages: offline\nloadBalancer: { port: %d }\nproxies: true\n%s"
                .formatted(project, ProjectIT.freePort(), tiers));
        var up = Scaler.run("up", topology.toString());
        assertThat(up.code()).as(up.transcript()).isZero();
        // A project just started times requests out for its first seconds (JIT, pools); the first experiment of the
        // class must not measure that cold start.
        Scaler.run("load", project, "--rate", "50", "--duration", "15s", "--sample-interval", "0s");
    }

    @AfterAll
    void down() {
        try {
            docker.clear(GUARDED);
            docker.clear(BARE);
            assertThat(docker.leftovers(GUARDED)).isEmpty();
            assertThat(docker.leftovers(BARE)).isEmpty();
        } finally {
            docker.close();
            System.clearProperty("scaler.stateDir");
        }
    }

    @BeforeEach
    void stateDir() {
        System.setProperty("scaler.stateDir", state.toString());
    }

    private Path experiment(String name, int seconds, String rest) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\n" + LOAD.formatted(seconds) + rest);
        return file;
    }

    private Outcome chaos(Path experiment, String project) throws IOException {
        var run = Scaler.run("chaos", experiment.toString(), project, "--seed", "5", "--warmup", "1s");
        String id = run.out().lines().filter(l -> l.startsWith("run ")).findFirst()
                .orElseThrow(() -> new AssertionError("no run stored: " + run.transcript())).split("[ :]")[1];
        var report = Scaler.run("report", "--run", id, "--format", "json");
        assertThat(report.code()).as(report.transcript()).isIn(ExitCode.OK, ExitCode.HYPOTHESIS_FAILED);
        Outcome outcome = new Outcome(run.code(), id, JSON.readTree(report.out()), run.transcript());
        System.out.printf("BuiltInControlsIT %s on %s: %s%n", experiment.getFileName(), project, outcome.figures());
        return outcome;
    }

    /** The experiment on the project with the protection: every line holds. */
    private Outcome passesWith(Path experiment) throws IOException {
        Outcome guarded = chaos(experiment, GUARDED);
        assertThat(guarded.code()).as(guarded.transcript()).isEqualTo(ExitCode.OK);
        return guarded;
    }

    /** The experiment on the project without it: a line fails. */
    private Outcome failsWithout(Path experiment) throws IOException {
        Outcome bare = chaos(experiment, BARE);
        assertThat(bare.code()).as(bare.transcript()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
        return bare;
    }

    @Test
    void killPrimaryIsFeltByLoginsUntilTheReplicaIsPromotedAndNeverRecoversWithoutFailover() throws IOException {
        Path file = experiment("kill-primary", 20, """
                steps:
                  - at: 4s
                    kill: database.primary
                hypothesis:
                  recovery: "<= 5s"
                  lostWrites: 0
                """);

        Outcome guarded = passesWith(file);
        Outcome bare = failsWithout(file);

        assertThat(guarded.failed()).as("logins fail while the primary is dead and not yet replaced").isPositive();
        assertThat(guarded.recovery()).isNotEqualTo("did not recover").isNotEqualTo("0.0 s");
        assertThat(bare.recovery()).isEqualTo("did not recover");
        assertThat(bare.held("recovery")).isFalse();
    }

    @Test
    void killWebIsCarriedByTheOtherReplicaAndIsAnOutageWithOnlyOne() throws IOException {
        Path file = experiment("kill-web", 15, """
                steps:
                  - at: 4s
                    kill: web
                hypothesis:
                  availability: ">= 99%"
                  recovery: "<= 3s"
                  lostSessions: 0
                """);

        Outcome guarded = passesWith(file);
        Outcome bare = failsWithout(file);

        assertThat(bare.held("availability")).isFalse();
        assertThat(bare.availability()).isLessThan(0.9);
    }

    @Test
    void killCacheKeepsSessionsThroughSentinelAndNeverRecoversWithoutIt() throws IOException {
        Path file = experiment("kill-cache", 20, """
                steps:
                  - at: 4s
                    kill: cache.primary
                hypothesis:
                  recovery: "<= 6s"
                  lostSessions: 0
                """);

        Outcome guarded = passesWith(file);
        Outcome bare = failsWithout(file);

        assertThat(bare.recovery()).isEqualTo("did not recover");
    }

    @Test
    void cacheLatencyHoldsItsBoundAndFailsOneBelowTheInjectedLatency() throws IOException {
        Path file = experiment("cache-latency", 15, """
                steps:
                  - at: 3s
                    latency: { link: web -> cache.primary, ms: 200, jitter: 20 }
                    duration: 8s
                    toxicity: 0.5
                hypothesis:
                  availability: ">= 99%"
                  p99: "<= 1500ms"
                  lostSessions: 0
                """);

        Outcome guarded = passesWith(file);
        // The same run judged by a bound below the 200 ms the fault adds: the line must fail.
        var below = Scaler.run("report", "--run", guarded.id(), "--hypothesis", "p99=<= 150ms");
        System.out.printf("BuiltInControlsIT cache-latency judged by p99 <= 150ms: exit %d%n", below.code());

        assertThat(guarded.report().get("whole").get("latency").get("p99").asDouble()).isGreaterThan(150);
        assertThat(below.code()).as(below.transcript()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
        assertThat(below.out()).containsPattern("p99.*FAIL|FAIL.*p99");
    }
}
