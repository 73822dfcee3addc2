package dev.scaler.provision;

import dev.scaler.engine.Apply;
import dev.scaler.engine.CancelledException;
import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import dev.scaler.engine.Progress;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Diff;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Rollout;
import dev.scaler.plan.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Carries out the steps {@link Rollout} plans, one batch at a time: a replacement starts under a temporary name
 * ({@code <name>-next}), is waited on until ready and served by every load balancer (DNS brings it, HAProxy's
 * readiness check admits it, the runtime API says so); the old replica is drained, stopped with a grace period and
 * removed, and the replacement takes its name.
 */
public final class RollingDeploy {
    /** The suffix of a replacement's name until its old replica is gone. */
    public static final String NEXT = "-next";
    private final java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();

    /** Where each step is told: the progress line per replica, and the run's timeline when a load runs. */
    public interface Journal {
        /** One replica's step: "started", "ready", "in rotation", "draining", "drained in 0.4s", ... */
        void step(String replica, String what);

        /** A decision of the rollout as a whole: "begins", "rolls back: ...", "done". */
        void rollout(String what);
    }

    /** How a rollout ended. */
    public sealed interface Outcome {
    }

    /** Every replica runs the new spec. */
    public record Deployed(int replaced) implements Outcome {
    }

    /** It went back to the previous spec, for this reason. */
    public record RolledBack(String reason) implements Outcome {
    }

    private final Engine engine;
    private final UnaryOperator<String> secrets;
    private final Journal journal;
    private final Duration readiness;
    private final String readinessPath;

    /**
     * A rollout on {@code engine}; each replacement may take {@code readiness} to answer {@code readinessPath} with
     * 200 and be in rotation.
     */
    public RollingDeploy(Engine engine, UnaryOperator<String> secrets, Journal journal, Duration readiness,
            String readinessPath) {
        this.engine = engine;
        this.secrets = secrets;
        this.journal = journal;
        this.readiness = readiness;
        this.readinessPath = readinessPath;
    }

    /** Why this diff cannot be rolled out replica by replica, empty when it can (only web replicas change). */
    public static Optional<String> notRolling(Diff diff) {
        var others = new ArrayList<String>();
        diff.create().forEach(c -> others.add(c.name() + " (new)"));
        diff.remove().forEach(c -> others.add(c.name() + " (to remove)"));
        diff.start().forEach(c -> others.add(c.name() + " (stopped)"));
        diff.replace().stream().filter(r -> r.spec().tier() != Tier.WEB).forEach(r -> others.add(r.spec().name()
                + " (changed)"));
        if (diff.replace().isEmpty() && others.isEmpty()) {
            return Optional.of("no web replica changes");
        }
        return others.isEmpty() ? Optional.empty() : Optional.of("more than web replicas would change: "
                + String.join(", ", others));
    }

    /**
     * Rolls the web replicas that {@code diff} replaces over to {@code plan}; when a replacement is not ready in time
     * or HAProxy's error rate passes the bound, rolls every replaced one back to {@code previous} the same way.
     */
    public Outcome run(Plan plan, Diff diff, Map<String, String> hashes, Rollout.Limits limits,
            Optional<Previous> previous) {
        var byIndex = new HashMap<Integer, Diff.Replacement>();
        diff.replace().forEach(r -> byIndex.put(r.spec().index(), r));
        var slots = new ArrayList<Rollout.Slot>();
        for (ContainerSpec c : plan.containers()) {
            if (c.tier() == Tier.WEB) {
                slots.add(byIndex.containsKey(c.index())
                        ? new Rollout.Slot(c.index(), Rollout.Old.SERVING, Rollout.New.NONE)
                        : new Rollout.Slot(c.index(), Rollout.Old.GONE, Rollout.New.SERVING));
            }
        }
        var rotation = new Rotation(engine, plan.project());
        var baseline = traffic(plan.project());
        journal.rollout("begins: %d of %d web replicas, --max-surge %d --max-unavailable %d".formatted(byIndex.size(),
                slots.size(), limits.maxSurge(), limits.maxUnavailable()));
        while (true) {
            var vitals = traffic(plan.project()).since(baseline);
            // Taken once: the restore to the previous spec that follows runs to its end.
            Rollout.Step step = Rollout.next(slots, limits, new Rollout.Vitals(vitals.requests(), vitals.errors()),
                    cancelled.getAndSet(false));
            switch (step) {
                case Rollout.Done done -> {
                    journal.rollout("done: %d replaced".formatted(byIndex.size()));
                    return new Deployed(byIndex.size());
                }
                case Rollout.Start start -> {
                    var outcomes = start(plan, hashes, start.indices().stream().map(i -> byIndex.get(i).spec()).toList(),
                            rotation);
                    slots.replaceAll(s -> outcomes.containsKey(s.index())
                            ? new Rollout.Slot(s.index(), s.old(), outcomes.get(s.index())) : s);
                }
                case Rollout.Retire retire -> {
                    Parallel.run(retire.indices().stream().map(i -> (Runnable) () -> retire(rotation, byIndex.get(i))).toList());
                    slots.replaceAll(s -> retire.indices().contains(s.index())
                            ? new Rollout.Slot(s.index(), Rollout.Old.GONE, s.replacement()) : s);
                }
                case Rollout.RollBack back -> {
                    journal.rollout("rolls back: " + back.reason());
                    rollBack(plan, rotation);
                    previous.ifPresent(p -> p.restore().run());
                    journal.rollout("rolled back");
                    return new RolledBack(back.reason());
                }
            }
        }
    }

    /**
     * Ctrl-C: the batch under way is finished (a replacement waited on, a replica drained), then the deploy rolls
     * back as a failed one does; {@link #run} returns {@link RolledBack} with {@link Rollout#INTERRUPTED}.
     */
    public void cancel() {
        cancelled.set(true);
    }

    /** How to return to the previous spec: a rollout of its own (`deploy` gives it; `rollback` has none). */
    public record Previous(Runnable restore) {
    }

    private Map<Integer, Rollout.New> start(Plan plan, Map<String, String> hashes, List<ContainerSpec> specs,
            Rotation rotation) {
        var outcomes = new ConcurrentHashMap<Integer, Rollout.New>();
        Parallel.run(specs.stream().map(spec -> (Runnable) () -> {
            ContainerSpec next = renamed(spec, spec.name() + NEXT);
            engine.containers(Optional.of(plan.project())).stream().filter(c -> c.name().equals(next.name()))
                    .forEach(c -> engine.remove(c.id(), Duration.ZERO)); // a leftover of an interrupted deploy
            var apply = new Apply(engine, secrets, (object, what) -> journal.step(spec.name(), what), readiness);
            var one = new Plan(plan.project(), plan.imageProfile(), plan.networks(), List.of(), List.of(next));
            try {
                apply.run(one, new Diff(List.of(next), List.of(), List.of(), List.of(), List.of()),
                        Map.of(next.name(), hashes.get(spec.name())));
            } catch (EngineException e) {
                journal.step(spec.name(), "not ready: " + e.getMessage());
                outcomes.put(spec.index(), Rollout.New.FAILED);
                return;
            }
            ObservedContainer created = find(plan.project(), next.name()).orElseThrow();
            if (!rotation.awaitReady(created, readinessPath, readiness)) {
                journal.step(spec.name(), "not ready after " + readiness.toSeconds() + " s (" + readinessPath
                        + " never answered 200)");
                outcomes.put(spec.index(), Rollout.New.FAILED);
                return;
            }
            journal.step(spec.name(), "ready");
            if (rotation.awaitServing(created, readiness)) {
                journal.step(spec.name(), "in rotation");
                outcomes.put(spec.index(), Rollout.New.SERVING);
            } else {
                journal.step(spec.name(), "not in rotation after " + readiness.toSeconds() + " s");
                outcomes.put(spec.index(), Rollout.New.FAILED);
            }
        }).toList());
        return outcomes;
    }

    private void retire(Rotation rotation, Diff.Replacement r) {
        String name = r.spec().name();
        var drained = rotation.drain(r.old(), Scale.DRAIN_BOUND);
        journal.step(name, drained.sessionsLeft() == 0 ? "old replica drained in %.1fs".formatted(
                drained.waited().toMillis() / 1000.0) : "old replica still has %d session(s) after %d s; stopping it"
                        .formatted(drained.sessionsLeft(), Scale.DRAIN_BOUND.toSeconds()));
        engine.remove(r.old().id(), Scale.STOP_GRACE);
        journal.step(name, "old replica stopped");
        rotation.release(drained, Duration.ofSeconds(5));
        find(engine, r.old().labels().get(dev.scaler.plan.Labels.PROJECT), name + NEXT)
                .ifPresent(c -> engine.rename(c.id(), name));
        journal.step(name, "replaced");
    }

    /** Takes out every replacement that has not taken its old replica's place: drained first when it serves. */
    private void rollBack(Plan plan, Rotation rotation) {
        var leftovers = engine.containers(Optional.of(plan.project())).stream()
                .filter(c -> c.name().endsWith(NEXT)).toList();
        Parallel.run(leftovers.stream().map(c -> (Runnable) () -> {
            var drained = rotation.drain(c, Scale.DRAIN_BOUND);
            engine.remove(c.id(), Scale.STOP_GRACE);
            rotation.release(drained, Duration.ofSeconds(5));
            journal.step(c.name().substring(0, c.name().length() - NEXT.length()), "replacement removed");
        }).toList());
    }

    private RuntimeApi.Traffic traffic(String project) {
        return engine.containers(Optional.of(project)).stream()
                .filter(c -> c.running() && Tier.LB.label().equals(c.tier()))
                .flatMap(c -> c.networks().values().stream().findFirst().stream())
                .map(address -> new RuntimeApi(address).traffic())
                .reduce(new RuntimeApi.Traffic(0, 0), RuntimeApi.Traffic::plus);
    }

    private Optional<ObservedContainer> find(String project, String name) {
        return find(engine, project, name);
    }

    private static Optional<ObservedContainer> find(Engine engine, String project, String name) {
        return engine.containers(Optional.of(project)).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static ContainerSpec renamed(ContainerSpec c, String name) {
        return new ContainerSpec(name, c.tier(), c.index(), c.image(), c.command(), c.env(), c.ports(), c.labels(),
                c.healthCheck(), List.of(), c.mounts(), c.files(), c.network(), c.aliases(), c.otherNetworks());
    }
}
