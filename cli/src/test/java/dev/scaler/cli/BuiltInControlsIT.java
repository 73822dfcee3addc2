package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in experiment's hypothesis can fail: the same fault, with the same hypothesis lines, passes on a system
 * that has the protection the experiment is about and fails on one without it. Two small projects stand side by side:
 * {@code guarded-it} (two load balancers, two web replicas, Redis with a replica and Sentinels, a database and two
 * shards, each with a replica and automatic failover) and {@code bare-it} (one load balancer, one web replica, Redis
 * alone, one shard, `failover: manual`). The experiments are the built-ins with their faults as written, their
 * schedules shortened to keep CI time in bounds, and those of their hypothesis lines that do not depend on the run's
 * length, or, for a line that does (availability), the built-in's proportion of faulty time kept (the built-ins
 * themselves are measured against the starter by bench/experiments.py). The latency built-ins are shown able to fail
 * by their own run judged by a p99 bound below what the fault adds. cdn-origin-down is in CdnControlsIT, dc-partition
 * in DatacentersIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuiltInControlsIT extends dev.scaler.EngineIT {
    private static final String GUARDED = "guarded-it";
    private static final String BARE = "bare-it";
    private static final String LOAD = "load: { rate: 50/s, duration: %ds, journeys: { browse: 60, write: 20, login: 10,"
            + " account: 10 }, timeout: 2s }\n";

    @TempDir
    static Path dir;

    private Docker docker;
    private Path state;

    @BeforeAll
    void up() throws IOException {
        docker = new Docker();
        docker.clear(GUARDED);
        docker.clear(BARE);
        state = dir.resolve(".scaler");
        System.setProperty("scaler.stateDir", state.toString());
        up(GUARDED, 2, """
                web: { replicas: 2, sessions: redis }
                cache: { replicas: 1, sentinels: 3 }
                database: { kind: mariadb, replicas: 1, failover: auto }
                shards: { count: 2, replicas: 1 }
                """);
        // Shards follow database.failover: manual here too.
        up(BARE, 1, """
                web: { replicas: 1, sessions: redis }
                cache: { replicas: 0 }
                database: { kind: mariadb, replicas: 1, failover: manual }
                shards: { count: 1, replicas: 1 }
                """);
        // A project just started times requests out for its first seconds (JIT, pools); the first experiment of the
        // class must not measure that cold start. Both are warmed once both run, so bringing up the second does not
        // follow the first's warm-up.
        for (String project : List.of(GUARDED, BARE)) {
            Scaler.run("load", project, "--rate", "50", "--duration", "15s", "--sample-interval", "0s");
        }
    }

    private void up(String project, int balancers, String tiers) throws IOException {
        Path topology = dir.resolve(project + ".yaml");
        Files.writeString(topology, "name: %s\nimages: offline\nloadBalancer: { port: %d, replicas: %d }\nproxies: true\n%s"
                .formatted(project, ProjectIT.freePort(1), balancers, tiers));
        var up = Scaler.run("up", topology.toString());
        assertThat(up.code()).as(up.transcript()).isZero();
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
        return experiment(name, LOAD.formatted(seconds), rest);
    }

    private Path experiment(String name, String load, String rest) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\n" + load + rest);
        return file;
    }

    private ChaosOutcome chaos(Path experiment, String project) {
        ChaosOutcome outcome = ChaosOutcome.of(Scaler.run("chaos", experiment.toString(), project, "--seed", "5",
                "--warmup", "1s"));
        System.out.printf("BuiltInControlsIT %s on %s: %s%n", experiment.getFileName(), project, outcome.figures());
        return outcome;
    }

    /** One experiment's run on each project. */
    private record Sides(ChaosOutcome guarded, ChaosOutcome bare) {
    }

    /**
     * The experiment on the project with the protection, where every line holds, and on the one without it, where a
     * line fails; both run before either is judged, so a failure shows both sides' figures.
     */
    private Sides bothSides(Path experiment) {
        ChaosOutcome guarded = chaos(experiment, GUARDED);
        ChaosOutcome bare = chaos(experiment, BARE);
        assertThat(guarded.code()).as(guarded.transcript()).isEqualTo(ExitCode.OK);
        assertThat(bare.code()).as(bare.transcript()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
        return new Sides(guarded, bare);
    }

    /** The experiment on the project with the protection: every line holds. */
    private ChaosOutcome passesWith(Path experiment) {
        ChaosOutcome guarded = chaos(experiment, GUARDED);
        assertThat(guarded.code()).as(guarded.transcript()).isEqualTo(ExitCode.OK);
        return guarded;
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

        recoversOnlyWithFailover(bothSides(file), "logins fail while the primary is dead and not yet replaced");
    }

    /** A failover experiment's two sides: felt and recovered from with the agent, never recovered from without. */
    private static void recoversOnlyWithFailover(Sides sides, String felt) {
        assertThat(sides.guarded().failed()).as(felt).isPositive();
        assertThat(sides.guarded().recovery()).isNotEqualTo("did not recover").isNotEqualTo("0.0 s");
        assertThat(sides.bare().recovery()).isEqualTo("did not recover");
        assertThat(sides.bare().held("recovery")).isFalse();
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

        ChaosOutcome bare = bothSides(file).bare();

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

        ChaosOutcome bare = bothSides(file).bare();

        assertThat(bare.recovery()).isEqualTo("did not recover");
    }

    @Test
    void cacheLatencyHoldsItsBoundAndFailsOneBelowTheInjectedLatency() throws IOException {
        Path file = experiment("cache-latency", 15, """
                steps:
                  - at: 3s
                    latency: { link: web -> cache.primary, ms: 200, jitter: 20 }
                    duration: 8s
                hypothesis:
                  availability: ">= 99%"
                  p99: "<= 1500ms"
                  lostSessions: 0
                """);

        // Toxicity 1, where the built-in has 0.5: Toxiproxy draws toxicity once per connection, and the app's Redis
        // pool hands out its most recently returned connection, so at 50/s nearly every request can ride an untouched
        // one (a CI run saw p99 123 ms under the 0.5 fault). The same run judged by a bound below the 200 ms the fault
        // adds: the line must fail.
        failsBelowTheInjectedLatency(passesWith(file), 150);
    }

    /** The run judged again by a p99 bound below what the fault adds to a request: exit 1, the p99 line failed. */
    private static void failsBelowTheInjectedLatency(ChaosOutcome guarded, int boundMs) {
        var below = Scaler.run("report", "--run", guarded.id(), "--hypothesis", "p99=<= " + boundMs + "ms");
        System.out.printf("BuiltInControlsIT %s judged by p99 <= %dms: exit %d%n",
                guarded.report().get("run").get("experiment").asText(), boundMs, below.code());

        assertThat(guarded.p99()).isGreaterThan(boundMs);
        assertThat(below.code()).as(below.transcript()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
        assertThat(below.out()).containsPattern("p99.*FAIL|FAIL.*p99");
    }

    @Test
    void dbLatencyHoldsItsBoundAndFailsOneBelowTheInjectedLatency() throws IOException {
        Path file = experiment("db-latency", 12, """
                steps:
                  - at: 3s
                    latency: { link: web -> database.primary, ms: 100, jitter: 10 }
                    duration: 6s
                hypothesis:
                  availability: ">= 99%"
                  p99: "<= 500ms"
                  lostWrites: 0
                """);

        // Every sign-in waits for the main primary about twice (200 ms and more): judged by a bound below that, the
        // line must fail.
        failsBelowTheInjectedLatency(passesWith(file), 150);
    }

    @Test
    void killShardPrimaryIsTakenOverByItsReplicaAndNeverRecoversWithoutFailover() throws IOException {
        // Mostly writes (20/s to shard 1): the agent replaced the primary in under a second once, and at the default
        // mix's 5 writes/s to shard 1 that window held none, so the run could not show the fault was felt.
        Path file = experiment("kill-shard-primary", "load: { rate: 50/s, duration: 14s, journeys: { browse: 20,"
                + " write: 80 }, timeout: 2s }\n", """
                steps:
                  - at: 3s
                    kill: shard[1].primary
                hypothesis:
                  recovery: "<= 10s"
                  lostWrites: 0
                  staleReads: 0
                """);

        recoversOnlyWithFailover(bothSides(file), "writes to shard 1 fail until its replica is promoted");
    }

    @Test
    void lbRestartCostsHalfTheRequestsWithTwoBalancersAndAllWithOne() throws IOException {
        // The built-in stops a balancer for 5 s of 40; here 4 s of 24. At the built-in's proportion (3 s of 24) the
        // one-balancer side lost only 10% (89.80% and 90.09% in two runs: requests sent before the stop took effect
        // still succeed), at the built-in's line of 90%. Half of the requests sent meanwhile fail with two balancers
        // (about 8% of the run), nearly all of them with one (about 13%).
        Path file = experiment("lb-restart", 24, """
                steps:
                  - at: 4s
                    stop: lb
                  - at: 8s
                    start: lb
                hypothesis:
                  availability: ">= 90%"
                  lostSessions: 0
                  lostWrites: 0
                """);

        Sides sides = bothSides(file);
        ChaosOutcome guarded = sides.guarded();
        ChaosOutcome bare = sides.bare();

        assertThat(guarded.failed()).as("the stopped balancer's address refuses its half").isPositive();
        assertThat(bare.held("availability")).isFalse();
        assertThat(bare.availability("fault")).isLessThan(guarded.availability("fault"));
    }

    @Test
    void partitionShardFailsOnlyTheCutShardsWritesAndEveryWriteWithOneShard() throws IOException {
        // The built-in's partition of 15 s of 50 s becomes 9 s of 30 s. Sharding's promise is a blast radius: with two
        // shards about half of the writes fail while the link is cut, with one every write does, and faultAvailability
        // (the requests scheduled while it was cut) tells them apart. The built-in's 40% writes left the one-shard side
        // at 70.04% and, in a CI run of 2026-12-07, 75.59% against its 75% line; with 70% writes the sides measured
        // 77.23% and 43.79%, so the line sits at 60% and the whole run's at 85% (93.56% with two shards).
        Path file = experiment("partition-shard", "load: { rate: 50/s, duration: 30s, journeys: { browse: 10, write: 70,"
                + " login: 10, account: 10 }, timeout: 2s }\n", """
                steps:
                  - at: 6s
                    partition: web -> shard[1]
                    duration: 9s
                hypothesis:
                  availability: ">= 85%"
                  faultAvailability: ">= 60%"
                  recovery: "<= 25s"
                  lostWrites: 0
                  staleReads: 0
                """);

        Sides sides = bothSides(file);

        assertThat(sides.guarded().failed()).as("writes to shard 1 fail while it is cut off").isPositive();
        assertThat(sides.bare().held("faultAvailability")).isFalse();
        assertThat(sides.bare().availability("fault")).isLessThan(sides.guarded().availability("fault"));
        assertThat(sides.bare().held("lostWrites")).as("a partition loses no acknowledged write").isTrue();
    }
}
