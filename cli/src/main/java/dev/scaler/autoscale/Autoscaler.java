package dev.scaler.autoscale;

import dev.scaler.topology.Autoscale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The autoscaler's rule as a pure function: a reading and what came before in, a decision and what to remember out.
 * desired = ceil(current x observed / target), within 10 % of the target counts as on it (no change); the
 * recommendation is kept within min and max; up: the lowest recommendation over the scale-up window (0s: now), at most
 * its step at a time; down: the highest over the scale-down window, only once the controller has watched for that
 * long, at most its step at a time (the Kubernetes HPA's stabilization, so a dip does not remove a replica the next
 * second needs); nothing while a deploy runs, and nothing on the readings of the first seconds after a change, which
 * still describe the old count.
 */
public final class Autoscaler {
    /** Within this share of the target the count is left alone (the HPA's default tolerance). */
    public static final double TOLERANCE = 0.10;
    /** Readings this soon after a change are not judged: their rates were measured over the old count. */
    public static final double SETTLE_SECONDS = 2;

    private Autoscaler() {
    }

    /** One recommendation, kept for the stabilization windows. */
    public record Recommendation(double at, int replicas) {
    }

    /**
     * What the autoscaler remembers: its recommendations of the longest window, when it began watching, and when the
     * last change it asked for was carried out.
     */
    public record State(List<Recommendation> history, double watchingSince, double settledAfter) {
        public State {
            history = List.copyOf(history);
        }

        /** Nothing seen yet; watching from {@code at}. */
        public static State start(double at) {
            return new State(List.of(), at, at);
        }

        /** After a change was carried out at {@code at}: readings from before it settles are not judged. */
        public State changed(double at) {
            return new State(history, watchingSince, at + SETTLE_SECONDS);
        }
    }

    /** A decision and the state to pass to the next call. */
    public record Step(Decision decision, State state) {
    }

    /** Decides for one reading; {@code deploying} when a deploy of the tier runs. */
    public static Step decide(Autoscale policy, State state, Reading reading, boolean deploying) {
        int current = reading.replicas();
        if (deploying) {
            return new Step(new Decision.Hold(current, "a deploy runs: no scaling until it ends"), state);
        }
        if (reading.at() < state.settledAfter()) {
            return new Step(new Decision.Hold(current, "settling: the last change is "
                    + seconds(state.settledAfter() - SETTLE_SECONDS, reading.at()) + " old"), state);
        }
        var metric = policy.target().metric();
        if (reading.observed().isEmpty()) {
            return new Step(new Decision.Hold(current, "no reading of " + metric.words()), state);
        }
        double observed = reading.observed().getAsDouble();
        double target = policy.target().value();
        int recommended = recommend(policy, current, observed / target);
        double keep = Math.max(policy.scaleUp().window().toNanos(), policy.scaleDown().window().toNanos()) / 1e9;
        var history = new ArrayList<Recommendation>();
        for (Recommendation r : state.history()) {
            if (r.at() >= reading.at() - keep) {
                history.add(r);
            }
        }
        history.add(new Recommendation(reading.at(), recommended));
        var next = new State(history, state.watchingSince(), state.settledAfter());

        double upWindow = policy.scaleUp().window().toNanos() / 1e9;
        double downWindow = policy.scaleDown().window().toNanos() / 1e9;
        int up = history.stream().filter(r -> r.at() >= reading.at() - upWindow).mapToInt(Recommendation::replicas)
                .min().orElse(recommended);
        int down = history.stream().filter(r -> r.at() >= reading.at() - downWindow)
                .mapToInt(Recommendation::replicas).max().orElse(recommended);
        if (up > current) {
            int to = Math.min(up, current + policy.scaleUp().step());
            var f = new Decision.Figures(observed, target, metric.words(), metric.unit(), current, recommended, up);
            return new Step(new Decision.Scale(current, to, f.text() + (to < up ? "; at most "
                    + policy.scaleUp().step() + " at a time" : "") + (recommended == policy.max() && raw(current,
                    observed / target) > policy.max() ? "; capped at max " + policy.max() : ""), f), next);
        }
        if (down < current) {
            var f = new Decision.Figures(observed, target, metric.words(), metric.unit(), current, recommended, down);
            if (reading.at() - state.watchingSince() < downWindow) {
                return new Step(new Decision.Hold(current, f.text() + "; scale-down waits until "
                        + seconds(0, downWindow) + " of readings are in"), next);
            }
            int to = Math.max(down, current - policy.scaleDown().step());
            return new Step(new Decision.Scale(current, to, f.text() + "; the highest over the last "
                    + seconds(0, downWindow) + " is " + down + (to > down ? "; at most " + policy.scaleDown().step()
                    + " at a time" : ""), f), next);
        }
        var f = new Decision.Figures(observed, target, metric.words(), metric.unit(), current,
                raw(current, observed / target), current);
        String why = Math.abs(observed / target - 1) <= TOLERANCE ? "on target: " + f.text() + ", within "
                + Math.round(TOLERANCE * 100) + "%"
                : f.recommended() > current ? "at max " + policy.max() + ": " + f.text()
                : recommended < current ? f.text() + "; the highest over the last " + seconds(0, downWindow) + " is "
                        + down + ", so " + current + " stay"
                : "at min " + policy.min() + ": " + f.text();
        return new Step(new Decision.Hold(current, why), next);
    }

    /** ceil(current x ratio), the current count within the tolerance, kept within min and max. */
    static int recommend(Autoscale policy, int current, double ratio) {
        int raw = Math.abs(ratio - 1) <= TOLERANCE ? current : raw(current, ratio);
        return Math.max(policy.min(), Math.min(policy.max(), raw));
    }

    private static int raw(int current, double ratio) {
        // 1e-9: 3 x 100 / 100 is 3, not 4, whatever the rounding of the division
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(current * ratio - 1e-9));
    }

    private static String seconds(double from, double to) {
        return String.format(Locale.ROOT, "%.0fs", to - from);
    }
}
