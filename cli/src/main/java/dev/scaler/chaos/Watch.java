package dev.scaler.chaos;

import dev.scaler.load.Window;
import dev.scaler.report.Event;
import dev.scaler.report.SpanLines;
import dev.scaler.yaml.Durations;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs an experiment's {@link Guard} on the load's windows as they settle, each second: opens the {@link ChaosRun}'s
 * gate when the steady state is met, or closes it and stops the load when it is not (nothing is injected); when an
 * abort line trips, rolls every fault back at once, records when that was done, and lets the load go on for the
 * cooldown so the recovery is measured.
 */
public final class Watch {

    /** The load as the watch sees it. */
    public interface Load {
        /** Window {@code second} once every request scheduled in it has ended; empty before. */
        Optional<Window> settled(int second);

        /** Ends the load early; what was measured is kept. */
        void stop();
    }

    private static final long POLL_NANOS = 50_000_000L;

    private final Experiment experiment;
    private final Guard guard;
    private final ChaosRun run;
    private final Load load;
    private final ChaosRun.Listener listener;
    private final CompletableFuture<Boolean> gate = new CompletableFuture<>();
    private volatile boolean stopped;
    private volatile long zero;

    public Watch(Experiment experiment, ChaosRun run, Load load, ChaosRun.Listener listener) {
        this.experiment = experiment;
        this.guard = new Guard(experiment);
        this.run = run;
        this.load = load;
        this.listener = listener;
        if (experiment.steadyState().isEmpty()) {
            gate.complete(true);
        }
        run.gate(gate);
    }

    /** Watches from the load's second 0 ({@link System#nanoTime()}) until the guard is done or {@link #stop()}. */
    public void run(long zeroNanos) {
        this.zero = zeroNanos;
        if (!guard.watches()) {
            return;
        }
        int second = 0;
        while (!stopped && !guard.done()) {
            Optional<Window> window = load.settled(second);
            if (window.isEmpty()) {
                LockSupport.parkNanos(POLL_NANOS);
                continue;
            }
            second++;
            for (Guard.Decision decision : guard.add(window.get())) {
                act(decision);
            }
        }
        if (guard.done() && !gate.isDone()) {
            gate.complete(false);
        }
    }

    /** Ends the watch (the load is over or interrupted); a gate still closed stays closed. */
    public void stop() {
        stopped = true;
        gate.complete(false);
    }

    private void act(Guard.Decision decision) {
        switch (decision) {
            case Guard.Met m -> {
                String detail = SpanLines.describe(m.checks()) + " over " + m.from() + "s.." + m.to() + "s";
                listener.event(new Event(now(), Event.STEADY_STATE, Event.MET, "", detail));
                listener.say(String.format("%6.1fs  steady state met: %s", now(), detail));
                gate.complete(true);
            }
            case Guard.NotMet n -> {
                String detail = (n.checks().isEmpty() ? "fewer seconds measured than asked"
                        : SpanLines.describe(n.checks()) + " over " + n.from() + "s.." + n.to() + "s")
                        + ", within " + Durations.format(experiment.steadyState().orElseThrow().within());
                listener.event(new Event(now(), Event.STEADY_STATE, Event.NOT_MET, "", detail));
                listener.say(String.format("%6.1fs  steady state NOT met (%s): nothing is injected; the load stops",
                        now(), detail));
                gate.complete(false);
                load.stop();
            }
            case Guard.Breach b -> abort(b);
        }
    }

    private void abort(Guard.Breach b) {
        double at = now();
        String observed = b.observed() + " over " + b.from() + "s.." + b.to() + "s";
        listener.event(new Event(at, Event.ABORT, "abort", b.line().text(), observed));
        listener.say(String.format("%6.1fs  ABORT: %s (observed %s): rolling every fault back", at, b.line().text(),
                observed));
        gate.complete(false);
        run.abort("aborted: " + b.line().text());
        double done = now();
        listener.event(new Event(done, Event.ROLLED_BACK, "", "", String.format(java.util.Locale.ROOT,
                "every fault undone %.3fs after the breach was seen", done - at)));
        listener.say(String.format("%6.1fs  rolled back %.2fs after the breach; the load goes on for the cooldown (%s)",
                done, done - at, Durations.format(experiment.cooldown())));
        long until = System.nanoTime() + experiment.cooldown().toNanos();
        while (!stopped && System.nanoTime() < until) {
            LockSupport.parkNanos(Math.min(POLL_NANOS, until - System.nanoTime()));
        }
        load.stop();
    }

    private double now() {
        return (System.nanoTime() - zero) / 1e9;
    }
}
