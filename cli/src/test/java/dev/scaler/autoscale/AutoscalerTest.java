package dev.scaler.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.topology.Autoscale;
import dev.scaler.topology.Autoscale.Behavior;
import dev.scaler.topology.Autoscale.Metric;
import dev.scaler.topology.Autoscale.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AutoscalerTest {
    /** 2 to 8 replicas, 100 requests/s each; up at once by up to 4, down after 30 s by 1. */
    private static final Autoscale POLICY = new Autoscale(2, 8, new Target(Metric.REQUESTS_PER_REPLICA, 100),
            new Behavior(Duration.ZERO, 4), new Behavior(Duration.ofSeconds(30), 1));

    private static Reading at(double t, int replicas, double perReplica) {
        return new Reading(t, replicas, OptionalDouble.of(perReplica));
    }

    /** The decisions of a controller that carries every change out at once, one reading a second. */
    private record Run(List<Decision> decisions, List<Integer> replicas) {
        long changes() {
            return decisions.stream().filter(d -> d instanceof Decision.Scale).count();
        }
    }

    /** Drives the rule against a load of {@code rate(t)} requests/s spread evenly over the replicas. */
    private static Run simulate(Autoscale policy, int start, int seconds, DoubleUnaryOperator rate) {
        var state = Autoscaler.State.start(0);
        int replicas = start;
        var decisions = new ArrayList<Decision>();
        var counts = new ArrayList<Integer>();
        for (int t = 0; t < seconds; t++) {
            var step = Autoscaler.decide(policy, state, at(t, replicas, rate.applyAsDouble(t) / replicas), false);
            decisions.add(step.decision());
            state = step.state();
            if (step.decision() instanceof Decision.Scale s) {
                replicas = s.to();
                state = state.changed(t);
            }
            counts.add(replicas);
        }
        return new Run(decisions, counts);
    }

    @Test
    void desiredIsCeilOfCurrentTimesObservedOverTarget() {
        var step = Autoscaler.decide(POLICY, Autoscaler.State.start(0), at(0, 2, 140), false);
        assertThat(step.decision()).isInstanceOf(Decision.Scale.class);
        var scale = (Decision.Scale) step.decision();
        assertThat(scale.to()).isEqualTo(3);
        assertThat(scale.up()).isTrue();
        assertThat(scale.why()).isEqualTo("requests/s per replica 140/s against 100/s: ceil(2 x 140 / 100) = 3");
        assertThat(scale.figures().recommended()).isEqualTo(3);
    }

    @Test
    void exactlyOnTargetOrWithinTenPercentChangesNothing() {
        for (double observed : new double[] {100, 91, 109.9}) {
            var d = Autoscaler.decide(POLICY, Autoscaler.State.start(-60), at(0, 3, observed), false).decision();
            assertThat(d).as("%s", observed).isInstanceOf(Decision.Hold.class);
            assertThat(d.why()).startsWith("on target: requests/s per replica").endsWith("within 10%");
        }
        assertThat(Autoscaler.decide(POLICY, Autoscaler.State.start(0), at(0, 3, 111), false).decision())
                .isInstanceOf(Decision.Scale.class);
    }

    @Test
    void scalesUpFastButNoMoreThanTheStepAndNeverAboveMax() {
        var d = (Decision.Scale) Autoscaler.decide(POLICY, Autoscaler.State.start(0), at(0, 2, 500), false).decision();
        assertThat(d.to()).as("ceil(2 x 5) = 10, capped at 8, at most 4 at a time").isEqualTo(6);
        assertThat(d.why()).contains("at most 4 at a time").contains("capped at max 8");
        var atMax = Autoscaler.decide(POLICY, Autoscaler.State.start(0), at(0, 8, 500), false).decision();
        assertThat(atMax).isInstanceOf(Decision.Hold.class);
        assertThat(atMax.why()).startsWith("at max 8: requests/s per replica 500/s against 100/s: ceil(8 x 500 / 100) = 40");
    }

    @Test
    void neverBelowMinEvenWithNoLoad() {
        var run = simulate(POLICY, 5, 200, t -> 0);
        assertThat(run.replicas()).allMatch(n -> n >= 2);
        assertThat(run.replicas().get(199)).isEqualTo(2);
    }

    @Test
    void scalesDownOnlyAfterTheWindowAndOneAtATime() {
        // 4 replicas at 400/s, then the load falls to 100/s at t = 40
        var run = simulate(POLICY, 4, 120, t -> t < 40 ? 400 : 100);
        // nothing may go before 30 s of low readings are in the window (t = 40 + 30)
        for (int t = 0; t < 70; t++) {
            assertThat(run.replicas().get(t)).as("t=%d", t).isEqualTo(4);
        }
        assertThat(run.replicas().get(119)).isEqualTo(2);
        // one at a time: every change removes exactly one
        int previous = 4;
        for (int n : run.replicas()) {
            assertThat(previous - n).isBetween(0, 1);
            previous = n;
        }
    }

    @Test
    void scaleDownWaitsUntilTheControllerHasWatchedForTheWholeWindow() {
        var d = Autoscaler.decide(POLICY, Autoscaler.State.start(0), at(5, 6, 10), false).decision();
        assertThat(d).isInstanceOf(Decision.Hold.class);
        assertThat(d.why()).contains("scale-down waits until 30s of readings are in");
    }

    @Test
    void nothingWhileADeployRuns() {
        var step = Autoscaler.decide(POLICY, Autoscaler.State.start(0), at(0, 2, 900), true);
        assertThat(step.decision()).isInstanceOf(Decision.Hold.class);
        assertThat(step.decision().why()).isEqualTo("a deploy runs: no scaling until it ends");
        assertThat(step.state()).isEqualTo(Autoscaler.State.start(0));
    }

    @Test
    void readingsRightAfterAChangeAreNotJudged() {
        var state = Autoscaler.State.start(0).changed(10);
        var d = Autoscaler.decide(POLICY, state, at(11, 4, 900), false).decision();
        assertThat(d).isInstanceOf(Decision.Hold.class);
        assertThat(d.why()).startsWith("settling");
        assertThat(Autoscaler.decide(POLICY, state, at(12, 4, 900), false).decision()).isInstanceOf(Decision.Scale.class);
    }

    @Test
    void noReadingNoDecision() {
        var d = Autoscaler.decide(POLICY, Autoscaler.State.start(0), new Reading(0, 2, OptionalDouble.empty()), false);
        assertThat(d.decision().why()).isEqualTo("no reading of requests/s per replica");
    }

    @Test
    void aP99TargetScalesTheSameWay() {
        var p99 = new Autoscale(1, 10, new Target(Metric.P99, 200), Autoscale.DEFAULT_UP, Autoscale.DEFAULT_DOWN);
        var d = (Decision.Scale) Autoscaler.decide(p99, Autoscaler.State.start(0), at(0, 3, 450), false).decision();
        assertThat(d.to()).isEqualTo(7);
        assertThat(d.why()).isEqualTo("p99 450ms against 200ms: ceil(3 x 450 / 200) = 7");
    }

    @Test
    void aScaleUpWindowTakesTheLowestRecommendationSoASpikeIsNotFollowed() {
        var slowUp = new Autoscale(1, 10, new Target(Metric.REQUESTS_PER_REPLICA, 100), new Behavior(Duration.ofSeconds(5), 4),
                Autoscale.DEFAULT_DOWN);
        var run = simulate(slowUp, 2, 30, t -> t == 10 ? 1000 : 200);
        assertThat(run.replicas()).as("one second of 1000/s is not followed").allMatch(n -> n == 2);
        var sustained = simulate(slowUp, 2, 30, t -> t >= 10 ? 600 : 200);
        assertThat(sustained.replicas().get(14)).isEqualTo(2);
        assertThat(sustained.replicas().get(15)).as("5 s of 600/s: up").isEqualTo(6);
    }

    @Test
    void aStageRampIsFollowedUpAndBackDown() {
        // 50 -> 600/s over 30 s, 600 for 30 s, back to 50 in 30 s, then 50 for 60 s
        DoubleUnaryOperator ramp = t -> t < 30 ? 50 + 550 * t / 30 : t < 60 ? 600 : t < 90 ? 600 - 550 * (t - 60) / 30 : 50;
        var run = simulate(POLICY, 2, 150, ramp);
        assertThat(run.replicas().get(59)).as("600/s at 100/s each").isBetween(6, 7);
        assertThat(run.replicas().get(149)).isEqualTo(2);
        assertThat(run.replicas()).allMatch(n -> n >= 2 && n <= 8);
    }

    /**
     * Thrash resistance: a load that swings around what the replicas can serve, however fast and wide, changes
     * the count at most once per scale-down window plus the scale-ups that follow it.
     */
    @Property(tries = 200)
    void aSwingingLoadDoesNotThrash(@ForAll @DoubleRange(min = 150, max = 500) double mean,
            @ForAll @DoubleRange(min = 0, max = 0.5) double swing, @ForAll @IntRange(min = 1, max = 20) int period) {
        int seconds = 300;
        var run = simulate(POLICY, 2, seconds, t -> mean * (1 + swing * ((((int) t / period) % 2 == 0) ? 1 : -1)));
        long downs = run.decisions().stream().filter(d -> d instanceof Decision.Scale s && !s.up()).count();
        assertThat(downs).as("scale-downs over %ds with a 30s window", seconds).isLessThanOrEqualTo(seconds / 30);
        // never a change down followed by a change up within the window
        int lastDown = -1000;
        for (int t = 0; t < seconds; t++) {
            if (run.decisions().get(t) instanceof Decision.Scale s) {
                if (!s.up()) {
                    lastDown = t;
                } else {
                    assertThat(t - lastDown).as("up at %d after down at %d", t, lastDown).isGreaterThan(2);
                }
            }
        }
        assertThat(run.replicas()).allMatch(n -> n >= 2 && n <= 8);
    }

    /** A steady load ends at the count it needs and stays there. */
    @Property(tries = 200)
    void aSteadyLoadSettles(@ForAll @DoubleRange(min = 0, max = 900) double rate, @ForAll @IntRange(min = 2, max = 8) int start) {
        var run = simulate(POLICY, start, 200, t -> rate);
        int end = run.replicas().get(199);
        assertThat(run.replicas().subList(100, 200)).as("settled").allMatch(n -> n == end);
        double perReplica = rate / end;
        assertThat(end == 8 || end == 2 || perReplica <= 100 * (1 + Autoscaler.TOLERANCE) + 1e-9)
                .as("%s/s on %d replicas", rate, end).isTrue();
    }
}
