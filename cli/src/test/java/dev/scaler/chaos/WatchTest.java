package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.load.Window;
import dev.scaler.report.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guardrails acting on a run (an in-memory engine and Toxiproxy, a load whose seconds settle every 30 ms):
 * a steady state not met lets nothing be injected, an abort rolls every fault back at once.
 */
class WatchTest {
    @TempDir
    Path dir;

    FakeDocker docker;
    FakeFaults proxies;
    Journal journal;
    final RecordingListener listener = new RecordingListener();
    final List<Event> events = listener.events;

    /** Second k settles (k + 1) x 30 ms after the start: fully available before {@code badFrom}, 10% from it. */
    static final class FakeLoad implements Watch.Load {
        final long zero = System.nanoTime();
        final int badFrom;
        volatile double stoppedAt = -1;

        FakeLoad(int badFrom) {
            this.badFrom = badFrom;
        }

        @Override
        public Optional<Window> settled(int second) {
            if (System.nanoTime() < zero + (second + 1) * 30_000_000L) {
                return Optional.empty();
            }
            return Optional.of(second >= badFrom ? GuardTest.second(second, 10, 90, 5)
                    : GuardTest.second(second, 100, 0, 5));
        }

        @Override
        public void stop() {
            if (stoppedAt < 0) {
                stoppedAt = (System.nanoTime() - zero) / 1e9;
            }
        }
    }

    @BeforeEach
    void setUp() {
        docker = new FakeDocker().add("p", "p-web-1", "web", 1, Map.of()).add("p", "p-web-2", "web", 2, Map.of());
        proxies = new FakeFaults("cache-1", "database-primary");
        journal = Journal.of(dir, "p");
        journal.begin(Journal.Owner.current("run-1"));
    }

    private void run(Experiment experiment, FakeLoad load) throws Exception {
        var run = new ChaosRun(experiment, "p", docker, Optional.of(proxies), journal, new SplittableRandom(7), listener);
        var watch = new Watch(experiment, run, load, listener);
        Thread guard = Thread.ofVirtual().start(() -> watch.run(load.zero));
        Thread faults = Thread.ofVirtual().start(() -> run.run(load.zero));
        faults.join(10_000);
        assertThat(faults.isAlive()).as("the run ended by itself").isFalse();
        run.rollBack();
        guard.join(10_000);
        watch.stop();
    }

    @Test
    void aSteadyStateNotMetInjectsNothingAndStopsTheLoad() throws Exception {
        var experiment = ExperimentLoader.parse("t.yaml", """
                name: t
                load: { duration: 60s, timeout: 1ms }
                steps:
                  - { at: 30s, kill: "web[2]" }
                  - { at: 30s, latency: { link: web -> database.primary, ms: 100 } }
                steadyState: { lines: { availability: ">= 99%" }, for: 2s, within: 4s }
                """);
        var load = new FakeLoad(0);
        run(experiment, load);
        assertThat(docker.calls).as("no container touched").isEmpty();
        assertThat(proxies.added()).as("no toxic added").isEmpty();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Event.STEADY_STATE);
            assertThat(e.action()).isEqualTo(Event.NOT_MET);
            assertThat(e.detail()).contains("availability >= 99%: 10.00%");
        });
        assertThat(load.stoppedAt).as("the load was stopped").isPositive();
    }

    @Test
    void aSteadyStateMetLetsTheFirstFaultCome() throws Exception {
        var experiment = ExperimentLoader.parse("t.yaml", """
                name: t
                load: { duration: 3s, timeout: 1ms }
                steps:
                  - { at: 2s, kill: "web[2]" }
                steadyState: { lines: { availability: ">= 99%" }, for: 1s, within: 1s }
                """);
        run(experiment, new FakeLoad(1000));
        assertThat(docker.calls).containsExactly("signal KILL p-web-2", "start p-web-2");
        assertThat(events).extracting(Event::type).startsWith(Event.STEADY_STATE, Event.FAULT);
        assertThat(events.get(0).action()).isEqualTo(Event.MET);
    }

    @Test
    void anAbortRollsEveryFaultBackAtOnceAndTheLoadGoesOnForTheCooldown() throws Exception {
        var experiment = ExperimentLoader.parse("t.yaml", """
                name: t
                load: { duration: 60s }
                cooldown: 1s
                steps:
                  - { at: 100ms, kill: "web[2]" }
                  - { at: 100ms, latency: { link: web -> database.primary, ms: 100 } }
                abort: [availability over 2s < 50%]
                """);
        var load = new FakeLoad(6);
        run(experiment, load);
        assertThat(docker.calls).containsExactly("signal KILL p-web-2", "start p-web-2");
        assertThat(proxies.added()).hasSize(1);
        assertThat(proxies.active().get("database-primary")).as("the toxic removed").isEmpty();
        var abort = events.stream().filter(e -> e.type().equals(Event.ABORT)).findFirst().orElseThrow();
        var rolledBack = events.stream().filter(e -> e.type().equals(Event.ROLLED_BACK)).findFirst().orElseThrow();
        assertThat(abort.target()).isEqualTo("availability over 2s < 50%");
        assertThat(abort.detail()).isEqualTo("10.00% over 6s..8s");
        assertThat(rolledBack.t()).isGreaterThanOrEqualTo(abort.t());
        assertThat(events).filteredOn(e -> e.heals()).allSatisfy(e -> {
            assertThat(e.detail()).contains("aborted: availability over 2s < 50%");
            assertThat(e.t()).isBetween(abort.t(), rolledBack.t());
        });
        assertThat(load.stoppedAt).as("stopped a cooldown after the rollback")
                .isGreaterThanOrEqualTo(rolledBack.t() + 1.0 - 0.05);
        assertThat(journal.read().pending()).isEmpty();
    }
}
