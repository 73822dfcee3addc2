package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.load.FailureKind;
import dev.scaler.load.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guardrails judged on synthetic one-second windows: each can hold and each can fail. */
class GuardTest {

    /** A second with {@code ok} successes and {@code failed} 5xx, each answered in {@code ms}. */
    static Window second(int second, long ok, long failed, long ms) {
        var h = Window.newHistogram();
        for (long i = 0; i < ok + failed; i++) {
            h.recordValue(ms * 1000);
        }
        return new Window(second, ok, Map.of(FailureKind.SERVER_ERROR, failed), 0, h);
    }

    static Experiment experiment(String guardrails) throws Exception {
        return ExperimentLoader.parse("g.yaml", """
                name: g
                load: { duration: 30s, timeout: 1s }
                cooldown: 5s
                steps:
                  - { at: 10s, kill: web }
                """ + guardrails);
    }

    static List<Guard.Decision> feed(Guard guard, List<Window> windows) {
        var decisions = new ArrayList<Guard.Decision>();
        windows.forEach(w -> decisions.addAll(guard.add(w)));
        return decisions;
    }

    static List<Window> seconds(int from, int to, long ok, long failed, long ms) {
        var out = new ArrayList<Window>();
        for (int s = from; s < to; s++) {
            out.add(second(s, ok, failed, ms));
        }
        return out;
    }

    private static final String STEADY = """
            steadyState:
              lines: { availability: ">= 99%", p99: "<= 500ms" }
              for: 3s
              within: 8s
            """;

    @Test
    void theSteadyStateIsMetByTheFirstSpanThatHolds() throws Exception {
        var guard = new Guard(experiment(STEADY));
        var windows = new ArrayList<>(seconds(0, 2, 50, 10, 20)); // a bad start
        windows.addAll(seconds(2, 8, 100, 0, 20));
        var decisions = feed(guard, windows);
        assertThat(decisions).singleElement().isInstanceOfSatisfying(Guard.Met.class, m -> {
            assertThat(m.from()).isEqualTo(2);
            assertThat(m.to()).isEqualTo(5);
            assertThat(m.checks()).extracting(c -> c.observed()).containsExactly("100.00%", "20.0ms");
        });
        assertThat(guard.done()).as("met, and no abort line to watch").isTrue();
    }

    @Test
    void aBaselineThatNeverHoldsIsNotMetWhenItsTimeIsUp() throws Exception {
        var guard = new Guard(experiment(STEADY));
        var decisions = feed(guard, seconds(0, 8, 100, 0, 900)); // available, but p99 900 ms
        assertThat(decisions).singleElement().isInstanceOfSatisfying(Guard.NotMet.class, n -> {
            assertThat(n.to()).isEqualTo(8);
            assertThat(n.checks()).filteredOn(c -> !c.passed()).extracting(c -> c.name()).containsExactly("p99");
        });
        assertThat(guard.done()).isTrue();
        assertThat(guard.add(second(8, 100, 0, 20))).as("nothing more after not met").isEmpty();
    }

    @Test
    void anAbortLineTripsOnTheFirstSpanThatCrossesItsBound() throws Exception {
        var guard = new Guard(experiment("abort: [availability over 3s < 50%]\n"));
        var windows = new ArrayList<>(seconds(0, 10, 100, 0, 20));
        windows.addAll(seconds(10, 20, 10, 90, 20)); // 10% available from second 10
        var decisions = feed(guard, windows);
        assertThat(decisions).singleElement().isInstanceOfSatisfying(Guard.Breach.class, b -> {
            // Seconds 9..11 (one good, two bad: 120 of 300) are the first span of 3 s below 50%.
            assertThat(b.line().text()).isEqualTo("availability over 3s < 50%");
            assertThat(b.from()).isEqualTo(9);
            assertThat(b.to()).isEqualTo(12);
            assertThat(b.observed()).isEqualTo("40.00%");
        });
    }

    @Test
    void aDipAboveTheBoundDoesNotTrip() throws Exception {
        var guard = new Guard(experiment("abort: [availability over 3s < 50%]\n"));
        var windows = new ArrayList<>(seconds(0, 10, 100, 0, 20));
        windows.addAll(seconds(10, 25, 60, 40, 20)); // 60% available: bad, but not past the line
        assertThat(feed(guard, windows)).isEmpty();
        assertThat(guard.done()).as("watched until the rollback at 25s").isTrue();
    }

    @Test
    void aBreachAfterTheRollbackIsNotWatched() throws Exception {
        var guard = new Guard(experiment("abort: [\"p99 over 2s > 1s\"]\n"));
        var windows = new ArrayList<>(seconds(0, 25, 100, 0, 20));
        windows.addAll(seconds(25, 30, 100, 0, 3000)); // slow, but only in the cooldown
        assertThat(feed(guard, windows)).isEmpty();
    }

    @Test
    void theExperimentsOfTheItAndTheBenchLoadWithTheirGuardrails() throws Exception {
        for (String name : List.of("unsteady", "breaking", "mild")) {
            var e = dev.scaler.files.InputFile.experiment(java.nio.file.Path.of(GuardTest.class.getResource(
                    "/experiments/guardrails/" + name + ".yaml").toURI()));
            assertThat(e.steadyState()).as(name).isPresent();
            assertThat(e.abort().isEmpty()).as(name).isEqualTo(name.equals("unsteady"));
        }
    }

    @Test
    void abortLinesAreWatchedWhileTheSteadyStateIsSought() throws Exception {
        var guard = new Guard(experiment(STEADY + "abort: [dropped over 2s > 5]\n"));
        var decisions = feed(guard, List.of(second(0, 100, 0, 20), second(1, 100, 0, 20),
                new Window(2, 50, Map.of(), 10, Window.newHistogram())));
        assertThat(decisions).singleElement().isInstanceOf(Guard.Breach.class);
        assertThat(guard.done()).isTrue();
    }
}
