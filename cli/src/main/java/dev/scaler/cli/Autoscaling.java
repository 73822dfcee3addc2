package dev.scaler.cli;

import dev.scaler.autoscale.Autoscaler;
import dev.scaler.autoscale.Decision;
import dev.scaler.autoscale.Reading;
import dev.scaler.collect.Collectors;
import dev.scaler.collect.Targets;
import dev.scaler.engine.CancelledException;
import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.EngineException;
import dev.scaler.monitor.Sampler;
import dev.scaler.monitor.Signal;
import dev.scaler.monitor.Snapshot;
import dev.scaler.monitor.Vitals;
import dev.scaler.report.Event;
import dev.scaler.state.ProcessMarker;
import dev.scaler.state.Secrets;
import dev.scaler.topology.Autoscale;
import dev.scaler.topology.TopologyException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The autoscaler at work on one project's web tier: reads its vital signs each second (the same collectors as `top`
 * and a run's samples), asks {@link Autoscaler} what to do, and carries a change out the way `scale` does
 * ({@link Scaling}). Every change, and every hold for a new reason, is written to the run's timeline with its figures
 * (type {@code scale}); a live line on a terminal, a line per decision otherwise.
 */
final class Autoscaling {
    /** How often the tier is read and a decision taken. */
    static final Duration EVERY = Duration.ofSeconds(1);

    private final DockerEngine engine;
    private final String project;
    private final Autoscale policy;
    private final ProgressPrinter progress;
    private final OutputStyle display;
    private final RunTimeline timeline;
    private final Duration readiness;
    private final long zero = System.nanoTime();
    private volatile boolean stopped;
    private String lastShown = "";
    private int changes;

    Autoscaling(DockerEngine engine, String project, Autoscale policy, ProgressPrinter progress, OutputStyle display,
            RunTimeline timeline, Duration readiness) {
        this.engine = engine;
        this.project = project;
        this.policy = policy;
        this.progress = progress;
        this.display = display;
        this.timeline = timeline;
        this.readiness = readiness;
    }

    /** Asks a running {@link #run} to end after the decision under way (a change under way is finished first). */
    void stop() {
        stopped = true;
    }

    /** How many changes it carried out. */
    int changes() {
        return changes;
    }

    /** Reads, decides and acts until {@link #stop()}. */
    void run() throws InterruptedException {
        var snapshots = new LinkedBlockingQueue<Snapshot>();
        var deploys = ProcessMarker.deploying(StateDir.resolve());
        try (var sampler = Sampler.start(() -> Targets.of(engine, project),
                Collectors.forProject(Secrets.open(StateDir.resolve(), project)), EVERY, snapshots::add);
                var mine = ProcessMarker.autoscaling(StateDir.resolve()).hold(project)) {
            var state = Autoscaler.State.start(now());
            Double crossedAt = null;
            while (!stopped) {
                Snapshot snapshot = snapshots.poll(200, TimeUnit.MILLISECONDS);
                if (snapshot == null) {
                    continue;
                }
                Reading reading = reading(snapshot, now());
                var step = Autoscaler.decide(policy, state, reading, deploys.running(project).isPresent());
                state = step.state();
                mine.say(said(step.decision()));
                crossedAt = crossing(reading, crossedAt);
                switch (step.decision()) {
                    case Decision.Hold hold -> show(hold);
                    case Decision.Scale scale -> {
                        if (!act(scale, crossedAt)) {
                            state = state.changed(now());
                            continue;
                        }
                        crossedAt = null;
                        snapshots.clear(); // their rates were measured over the old count
                        state = state.changed(now());
                    }
                }
            }
        }
    }

    /** When the sign first went past the target by more than the tolerance, in this climb; null when it is not past. */
    private Double crossing(Reading reading, Double crossedAt) {
        boolean past = reading.observed().isPresent()
                && reading.observed().getAsDouble() > policy.target().value() * (1 + Autoscaler.TOLERANCE);
        return !past ? null : crossedAt == null ? reading.at() : crossedAt;
    }

    /** Carries a change out; false (with the reason on the timeline) when it could not be done. */
    private boolean act(Decision.Scale scale, Double crossedAt) {
        String direction = scale.up() ? "scale-up" : "scale-down";
        String decided = scale.why() + " (" + scale.current() + " -> " + scale.to() + ")";
        timeline.event(Event.SCALE, direction, "web", decided);
        progress.note("autoscale: " + direction + " " + decided);
        try {
            var done = Scaling.to(engine, project, scale.to(), progress, readiness);
            changes++;
            String serving = String.format(Locale.ROOT, "web %d -> %d replicas, serving after %.1fs%s", done.before(),
                    done.now(), done.seconds(), crossedAt == null || !scale.up() ? ""
                            : String.format(Locale.ROOT, ", %.1fs after the reading that first crossed the target",
                                    now() - crossedAt));
            timeline.event(Event.SCALE, "scaled", "web", serving);
            progress.note("autoscale: " + serving);
            return true;
        } catch (CancelledException e) {
            throw e;
        } catch (EngineException | TopologyException e) {
            timeline.event(Event.SCALE, "hold", "web", "cannot " + direction + ": " + e.getMessage());
            progress.note("autoscale: cannot " + direction + ": " + e.getMessage());
            return false;
        }
    }

    /** A hold: on a terminal the live line says it; in a log, a line when its reason changes kind, and on the timeline. */
    private void show(Decision.Hold hold) {
        String kind = hold.why().split("[:;]", 2)[0];
        if (display.mode() == OutputStyle.Mode.LIVE) {
            progress.step("web", hold.current() + " replicas · " + hold.why());
        } else if (!kind.equals(lastShown)) {
            progress.note("autoscale: web " + hold.current() + " replicas, " + hold.why());
        }
        // A hold the operator should know of (at max, a deploy, a refused change) goes on the run's timeline once.
        if (!kind.equals(lastShown) && (kind.startsWith("at max") || kind.startsWith("a deploy"))) {
            timeline.event(Event.SCALE, "hold", "web", hold.why());
        }
        lastShown = kind;
    }

    /** The decision as `top` shows it: what it is, and the figures that caused it. */
    private static String said(Decision decision) {
        String when = java.time.LocalTime.now().withNano(0).toString();
        return switch (decision) {
            case Decision.Hold hold -> "web " + hold.current() + " replicas, hold: " + hold.why() + " (" + when + ")";
            case Decision.Scale scale -> "web " + (scale.up() ? "scale-up " : "scale-down ") + scale.current() + " -> "
                    + scale.to() + ": " + scale.why() + " (" + when + ")";
        };
    }

    private double now() {
        return (System.nanoTime() - zero) / 1e9;
    }

    /** The replicas that answered and the target's sign over them: mean requests/s, or the slowest replica's p99. */
    private Reading reading(Snapshot snapshot, double at) {
        List<Vitals> web = snapshot.containers().stream().filter(v -> "web".equals(v.tier())).toList();
        OptionalDouble observed = switch (policy.target().metric()) {
            case REQUESTS_PER_REPLICA -> web.stream().map(Vitals::requestsPerSecond).filter(OptionalDouble::isPresent)
                    .mapToDouble(OptionalDouble::getAsDouble).average();
            case P99 -> Signal.WEB_P99.of(web);
        };
        return new Reading(at, web.size(), observed);
    }
}
