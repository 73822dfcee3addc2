package dev.scaler.cli;

import dev.scaler.report.Event;
import dev.scaler.state.RunStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Where what a command does to a running project is written so a measured run's report shows it: the timeline of
 * the `scaler load` or `scaler chaos` run on the project, on that run's clock. A deploy or an autoscaler started on
 * its own writes into the run in progress (if any, found again each time); one started by the run itself writes on
 * the load's own clock.
 */
interface RunTimeline {
    /** Appends an event of {@code type} with its time taken now; nothing when no run listens. */
    void event(String type, String action, String target, String detail);

    /** The run of the project in progress at each event, its time from its start as run.json has it. */
    static RunTimeline inProgress(String project) {
        var runs = new RunStore(StateDir.resolve().resolve("runs"));
        return (type, action, target, detail) -> runs.inProgress(project).ifPresent(run -> {
            double t = Duration.between(Instant.parse(run.info().startedAt()), Instant.now()).toMillis() / 1000.0;
            runs.append(run.info().id(), new Event(t, type, action, target, detail));
        });
    }

    /** Run {@code id}, whose second 0 is {@code zeroNanos} on {@link System#nanoTime()}. */
    static RunTimeline of(RunStore store, String id, long zeroNanos) {
        return (type, action, target, detail) -> store.append(id, new Event((System.nanoTime() - zeroNanos) / 1e9,
                type, action, target, detail));
    }
}
