package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.chaos.Faults;
import dev.scaler.chaos.ProjectProxies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The chaos guardrails against a real project (HAProxy, two web replicas, Redis through a real Toxiproxy): a
 * baseline that does not meet the steady state gets nothing injected and exit 5; a fault that trips an abort line is
 * rolled back at once and the run is aborted (exit 1); mild faults pass both (exit 0). A dry run refuses what the
 * real run refuses, with the same code. One project for all of it, to keep the engine's time short.
 */
class GuardrailsIT extends ProjectIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    String project() {
        return "guard-it";
    }

    private Path experiment(String name, String body) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\n" + body);
        return file;
    }

    /** One of the experiments bench/guardrails.sh runs too (test resources experiments/guardrails/). */
    private static Path shared(String name) throws Exception {
        return Path.of(GuardrailsIT.class.getResource("/experiments/guardrails/" + name + ".yaml").toURI());
    }

    private long toxics() {
        try (Faults faults = ProjectProxies.open(docker.engine, project()).orElseThrow()) {
            return faults.active().values().stream().mapToLong(List::size).sum();
        }
    }

    private List<String> webStates() {
        return List.of(docker.container(project() + "-web-1").state(), docker.container(project() + "-web-2").state());
    }

    /** What a watcher saw from outside while a command ran: a toxic on the proxy, a web replica not running. */
    private record Seen(boolean toxic, boolean webDown) {
    }

    private Seen watchWhile(Runnable command) throws InterruptedException {
        var running = new AtomicBoolean(true);
        var toxic = new AtomicBoolean();
        var webDown = new AtomicBoolean();
        var watcher = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                toxic.compareAndSet(false, toxics() > 0);
                webDown.compareAndSet(false, webStates().stream().anyMatch(s -> !s.equals("running")));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            command.run();
        } finally {
            running.set(false);
            watcher.join(TimeUnit.SECONDS.toMillis(30));
        }
        return new Seen(toxic.get(), webDown.get());
    }

    private JsonNode summary(Scaler.Result run) throws Exception {
        String id = run.out().lines().filter(l -> l.startsWith("run ")).findFirst().orElseThrow().split("[ :]")[1];
        return JSON.readTree(dir.resolve(".scaler/runs").resolve(id).resolve("summary.json").toFile());
    }

    @Test
    void eachGuardrailCanHoldAndCanFail() throws Exception {
        Path topology = dir.resolve("guard-it.yaml");
        Files.writeString(topology, """
                name: guard-it
                images: offline
                loadBalancer: { port: %d }
                web: { replicas: 2, sessions: redis }
                cache: { replicas: 0 }
                proxies: true
                """.formatted(port));
        var up = Scaler.run("up", topology.toString());
        assertThat(up.code()).as(up.transcript()).isZero();

        // A dry run exits with the code the real run gives: a step that names nothing here is the environment (3).
        Path noShard = experiment("no-shard", """
                load: { rate: 20/s, duration: 5s, journeys: { browse: 50, login: 50 } }
                steps: [{ at: 1s, kill: "shard[1].primary" }]
                """);
        var dry = Scaler.run("chaos", noShard.toString(), project(), "--dry-run");
        var real = Scaler.run("chaos", noShard.toString(), project());
        assertThat(dry.code()).as(dry.transcript()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(real.code()).as(real.transcript()).isEqualTo(dry.code());
        assertThat(dry.err()).contains("no container is shard[1].primary");

        // A journey this topology cannot serve (write: it has no database) is bad input, refused before any load or
        // fault, in a dry run too (exit 2): the built-in kill-web sends writes.
        var unservedDry = Scaler.run("chaos", "kill-web", project(), "--dry-run");
        var unservedReal = Scaler.run("chaos", "kill-web", project());
        assertThat(unservedDry.code()).as(unservedDry.transcript()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unservedReal.code()).as(unservedReal.transcript()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unservedReal.err()).contains("kill-web sends journeys guard-it cannot serve: write needs a database");
        assertThat(unservedReal.out()).doesNotContain("run ");
        assertThat(webStates()).as("nothing killed").containsOnly("running");

        // 1. The steady state fails: it asks a median of 10 µs, which no request through HAProxy meets. Nothing may
        // be injected: no toxic and no stopped replica is ever seen.
        Path unsteady = shared("unsteady");
        var failed = new Scaler.Result[1];
        Seen seen = watchWhile(() -> failed[0] = Scaler.run("chaos", unsteady.toString(), project(), "--seed", "1",
                "--warmup", "0s"));
        var precondition = failed[0];
        assertThat(precondition.code()).as(precondition.transcript()).isEqualTo(ExitCode.FAILED_PRECONDITION);
        assertThat(seen).as("nothing injected while it ran").isEqualTo(new Seen(false, false));
        assertThat(precondition.out()).contains("steady state NOT met").contains("FAILED-PRECONDITION");
        JsonNode s = summary(precondition);
        assertThat(s.path("verdict").asText()).isEqualTo("failed-precondition");
        assertThat(s.path("guardrails").path("steadyState").path("outcome").asText()).isEqualTo("not met");
        assertThat(s.path("faults")).as("no fault in the timeline").isEmpty();
        assertThat(s.path("run").path("seconds").asDouble()).as("the load was stopped, not run for 20 s")
                .isLessThan(15);
        var junit = Scaler.run("report", "--format", "junit");
        assertThat(junit.code()).isEqualTo(ExitCode.FAILED_PRECONDITION);
        assertThat(junit.out()).contains("type=\"failed-precondition\"");

        // 2. The steady state holds, then every web replica is killed and Redis slowed: availability falls to
        // nothing, the abort line trips, and everything is rolled back at once; the load goes on for the cooldown.
        Path breaking = shared("breaking");
        var aborted = new Scaler.Result[1];
        seen = watchWhile(() -> aborted[0] = Scaler.run("chaos", breaking.toString(), project(), "--seed", "2",
                "--warmup", "0s"));
        var abort = aborted[0];
        assertThat(abort.code()).as(abort.transcript()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
        assertThat(seen).as("both faults were in effect at some point").isEqualTo(new Seen(true, true));
        assertThat(toxics()).as("the toxic removed").isZero();
        assertThat(webStates()).as("the replicas started again").containsOnly("running");
        JsonNode a = summary(abort);
        assertThat(a.path("verdict").asText()).isEqualTo("aborted");
        assertThat(a.path("guardrails").path("steadyState").path("outcome").asText()).isEqualTo("met");
        JsonNode breach = a.path("guardrails").path("abort");
        assertThat(breach.path("tripped").asBoolean()).isTrue();
        assertThat(breach.path("line").asText()).isEqualTo("availability over 2s < 50%");
        assertThat(breach.path("at").asDouble()).isGreaterThan(6);
        assertThat(breach.path("rolledBackAt").asDouble()).isGreaterThanOrEqualTo(breach.path("at").asDouble());
        assertThat(a.path("run").path("seconds").asDouble()).as("stopped a cooldown after the rollback, not at 40 s")
                .isLessThan(35);
        System.out.printf("GuardrailsIT: abort seen at %.2fs (%s), rolled back at %.2fs: %.3fs from breach to rollback"
                + " done; run ended at %.1fs%n", breach.path("at").asDouble(), breach.path("observed").asText(),
                breach.path("rolledBackAt").asDouble(), breach.path("rollbackSeconds").asDouble(),
                a.path("run").path("seconds").asDouble());

        // 3. The control: the same guardrails around a mild fault; both hold and the run passes.
        Path mild = shared("mild");
        var passed = new Scaler.Result[1];
        seen = watchWhile(() -> passed[0] = Scaler.run("chaos", mild.toString(), project(), "--seed", "3",
                "--warmup", "0s"));
        assertThat(passed[0].code()).as(passed[0].transcript()).isZero();
        assertThat(seen.toxic()).as("the fault was injected").isTrue();
        JsonNode p = summary(passed[0]);
        assertThat(p.path("verdict").asText()).isEqualTo("passed");
        assertThat(p.path("guardrails").path("abort").path("tripped").asBoolean()).isFalse();
        assertThat(p.path("guardrails").path("steadyState").path("outcome").asText()).isEqualTo("met");
    }
}
