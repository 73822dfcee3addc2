package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.report.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosRunTest {
    @TempDir
    Path dir;

    FakeDocker docker;
    FakeFaults proxies;
    Journal journal;
    final RecordingListener listener = new RecordingListener();
    final List<Event> events = listener.events;
    final List<ChaosRun.Injection> injections = listener.injections;

    @BeforeEach
    void setUp() {
        docker = new FakeDocker().add("p", "p-web-1", "web", 1, Map.of())
                .add("p", "p-web-2", "web", 2, Map.of())
                .add("p", "p-lb-1", "lb", 1, Map.of())
                .add("other", "other-web-1", "web", 1, Map.of());
        proxies = new FakeFaults("cache-1", "database-primary", "database-2");
        journal = Journal.of(dir, "p");
        journal.begin(Journal.Owner.current("run-1"));
    }

    ChaosRun run(String steps) throws Exception {
        var experiment = ExperimentLoader.parse("t.yaml", """
                name: t
                load: { rate: 10/s, duration: 1s }
                steps:
                """ + steps);
        return new ChaosRun(experiment, "p", docker, Optional.of(proxies), journal, new SplittableRandom(7), listener);
    }

    /** Waits for the first fault event (the run is on another thread). */
    private void awaitFault() throws InterruptedException {
        while (events.isEmpty()) {
            Thread.sleep(5);
        }
    }

    @Test
    void aKilledContainerIsRestoredWhenTheStepSaysAndTheTimelineSaysSo() throws Exception {
        var run = run("""
                  - at: 100ms
                    kill: web[2]
                  - at: 300ms
                    restore: web[2]
                """);
        run.run(System.nanoTime());
        run.rollBack();

        assertThat(docker.calls).containsExactly("signal KILL p-web-2", "start p-web-2");
        assertThat(events).extracting(Event::type).containsExactly(Event.FAULT, Event.RESTORE);
        assertThat(events.get(0).t()).isGreaterThanOrEqualTo(0.1).isLessThan(events.get(1).t());
        assertThat(events.get(0).detail()).contains("p-web-2");
        assertThat(injections).singleElement().satisfies(i -> {
            assertThat(i.scheduled()).isEqualTo(0.1);
            assertThat(i.inEffect()).isGreaterThanOrEqualTo(i.applied());
            assertThat(i.resolved()).containsExactly("p-web-2");
        });
        assertThat(journal.read().pending()).isEmpty();
        assertThat(run.problems()).isEmpty();
    }

    @Test
    void aNetworkFaultHealsByItselfAfterItsDuration() throws Exception {
        var run = run("""
                  - at: 50ms
                    latency: { link: web -> database.primary, ms: 200 }
                    duration: 600ms
                """);
        var thread = Thread.ofVirtual().start(() -> run.run(System.nanoTime()));
        thread.join();
        // What was added is asserted from the history, not caught mid-flight: on a busy machine the 600 ms can
        // be over before the test thread looks.
        assertThat(proxies.added()).singleElement().satisfies(a -> assertThat(a).startsWith("database-primary: ")
                .contains("latency=200"));
        assertThat(proxies.active().get("database-primary")).isEmpty();
        assertThat(events).extracting(Event::type).containsExactly(Event.FAULT, Event.HEAL);
        assertThat(journal.read().pending()).isEmpty();
    }

    @Test
    void stoppedMidRunTheRollbackUndoesEverythingInEffect() throws Exception {
        var run = run("""
                  - at: 10ms
                    pause: web[*]
                  - at: 20ms
                    partition: { link: web -> database }
                  - at: 900ms
                    unpause: web[*]
                """);
        var thread = Thread.ofVirtual().start(() -> run.run(System.nanoTime()));
        while (events.size() < 2) {
            Thread.sleep(5);
        }
        assertThat(docker.state("p-web-1")).isEqualTo("paused");
        assertThat(proxies.active().get("database-2")).hasSize(2);
        run.stop();
        thread.join();
        run.rollBack();

        assertThat(docker.state("p-web-1")).isEqualTo("running");
        assertThat(docker.state("p-web-2")).isEqualTo("running");
        assertThat(proxies.active().values()).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(journal.read().pending()).isEmpty();
        assertThat(docker.state("other-web-1")).isEqualTo("running");
        assertThat(docker.calls).noneMatch(c -> c.contains("other-"));
    }

    @Test
    void aKillTheExperimentLeavesStaysDownAndTheJournalSaysItIsHandled() throws Exception {
        var run = run("""
                  - at: 10ms
                    kill: lb
                    rollback: leave
                """);
        run.run(System.nanoTime());
        run.rollBack();

        assertThat(docker.state("p-lb-1")).isEqualTo("exited");
        assertThat(journal.read().pending()).isEmpty();
        assertThat(events).extracting(Event::type).containsExactly(Event.FAULT, Event.RESTORE);
        assertThat(events.get(1).detail()).contains("left stopped");
    }

    @Test
    void aTargetThatDoesNotExistIsAProblemNotAFault() throws Exception {
        var run = run("""
                  - at: 10ms
                    kill: database.primary
                """);
        run.run(System.nanoTime());

        assertThat(run.problems()).singleElement().asString().contains("steps[0]");
        assertThat(docker.calls).isEmpty();
        assertThat(journal.read().pending()).isEmpty();
    }

    @Test
    void theSameSeedPicksTheSameContainer() throws Exception {
        var picks = new java.util.ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            setUp();
            docker.calls.clear();
            var run = run("""
                      - at: 0s
                        kill: web
                    """);
            run.run(System.nanoTime());
            picks.add(docker.calls.get(0));
            run.rollBack();
        }
        assertThat(picks.get(0)).isEqualTo(picks.get(1));
        assertThat(Files.exists(journal.file())).isTrue();
    }
}
