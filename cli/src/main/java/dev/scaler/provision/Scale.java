package dev.scaler.provision;

import dev.scaler.engine.Apply;
import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import dev.scaler.engine.Progress;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Diff;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * `scaler scale`: changes the number of web replicas of a running project and nothing else. New replicas join
 * by themselves (DNS, then HAProxy's readiness check) and are waited on until every load balancer serves them;
 * a replica that goes is drained first through the runtime API, so no request is cut.
 */
public final class Scale {
    /** How long a drained replica may keep its sessions before it is stopped anyway. */
    public static final Duration DRAIN_BOUND = Duration.ofSeconds(30);
    /** How long `docker stop` waits for the app's own graceful stop (4 s at most) before it kills. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration SERVING_BOUND = Duration.ofSeconds(30);

    private final Engine engine;
    private final Progress progress;

    public Scale(Engine engine, Progress progress) {
        this.engine = engine;
        this.progress = progress;
    }

    /** What a scale did. */
    public record Result(List<String> added, List<String> removed) {
    }

    /**
     * Refuses, before anything changes, a diff that would touch more than web replicas (the project is not what its
     * last `up` left), and new replicas that do not fit in memory.
     */
    public void check(Plan plan, Diff diff) {
        var others = new java.util.ArrayList<String>();
        diff.create().stream().filter(c -> c.tier() != Tier.WEB).forEach(c -> others.add(c.name() + " (missing)"));
        diff.remove().stream().filter(c -> !Tier.WEB.label().equals(c.tier())).forEach(c -> others.add(c.name() + " (extra)"));
        diff.replace().forEach(r -> others.add(r.spec().name() + " (changed)"));
        diff.start().forEach(c -> others.add(c.name() + " (stopped)"));
        if (!others.isEmpty()) {
            throw new EngineException(plan.project() + " is not what its last `up` or `deploy` left: "
                    + String.join(", ", others), "run `scaler up FILE` first; `scale` changes the web replica count only");
        }
        if (!diff.create().isEmpty()) {
            budget(plan.project()).refusal(diff.create().size()).ifPresent(why -> {
                throw new EngineException(why, "ask for fewer replicas, or free memory on the engine's machine");
            });
        }
    }

    /**
     * Drains and removes the replicas that go, then creates the new ones through {@code apply} and waits until each
     * answers {@code readinessPath} with 200 and every load balancer serves it.
     */
    public Result run(Plan plan, Diff diff, Map<String, String> hashes, Apply apply, String readinessPath) {
        var rotation = new Rotation(engine, plan.project());
        Parallel.run(diff.remove().stream().map(c -> (Runnable) () -> retire(rotation, c)).toList());
        var added = new java.util.ArrayList<ObservedContainer>();
        try {
            for (List<ContainerSpec> batch : batches(diff.create(), engine.cpus())) {
                var created = start(plan, batch, hashes, apply);
                added.addAll(created);
                awaitServed(plan, created, rotation, readinessPath);
            }
        } catch (RuntimeException e) {
            // A scale that fails changes nothing: what it added leaves the way replicas always do.
            Parallel.run(added.stream().map(c -> (Runnable) () -> retire(rotation, c)).toList());
            throw e;
        }
        return new Result(diff.create().stream().map(ContainerSpec::name).toList(),
                diff.remove().stream().map(ObservedContainer::name).toList());
    }

    /**
     * New replicas in batches of half the engine's CPUs (at least one), each batch serving before the next starts:
     * a starting JVM keeps a core busy for seconds, and nine started at once on two cores under 200 requests/s took
     * the serving replicas' CPU until three requests in four timed out (bench/scale.sh).
     */
    static <T> List<List<T>> batches(List<T> create, int cpus) {
        int size = Math.max(1, cpus / 2);
        var batches = new java.util.ArrayList<List<T>>();
        for (int i = 0; i < create.size(); i += size) {
            batches.add(List.copyOf(create.subList(i, Math.min(create.size(), i + size))));
        }
        return batches;
    }

    /** Creates one batch through {@code apply} (which removes it again when it does not become healthy). */
    private List<ObservedContainer> start(Plan plan, List<ContainerSpec> batch, Map<String, String> hashes,
            Apply apply) {
        apply.run(plan, new Diff(batch, List.of(), List.of(), List.of(), List.of()), hashes);
        var names = batch.stream().map(ContainerSpec::name).toList();
        return engine.containers(Optional.of(plan.project())).stream().filter(c -> names.contains(c.name())).toList();
    }

    /** Waits until each replica answers its readiness path with 200 and every load balancer serves it. */
    private void awaitServed(Plan plan, List<ObservedContainer> created, Rotation rotation, String readinessPath) {
        Parallel.run(created.stream().map(c -> (Runnable) () -> {
            if (!rotation.awaitReady(c, readinessPath, SERVING_BOUND)) {
                throw new EngineException(c.name() + " runs but does not answer " + readinessPath + " with 200"
                        + " after " + SERVING_BOUND.toSeconds() + " s", "see `docker logs " + c.name() + "`");
            }
            if (!rotation.awaitServing(c, SERVING_BOUND)) {
                throw new EngineException(c.name() + " is healthy but not served by every load balancer after "
                        + SERVING_BOUND.toSeconds() + " s", "see `scaler status " + plan.project() + " --metrics`");
            }
            progress.step(c.name(), "in rotation");
        }).toList());
    }

    /** Drain, stop with a grace period, free the slot: the way a web replica leaves without failing a request. */
    void retire(Rotation rotation, ObservedContainer replica) {
        var drained = rotation.drain(replica, DRAIN_BOUND);
        progress.step(replica.name(), drained.sessionsLeft() == 0
                ? "drained in %.1fs".formatted(drained.waited().toMillis() / 1000.0)
                : "still %d session(s) after %d s; stopping anyway".formatted(drained.sessionsLeft(), DRAIN_BOUND.toSeconds()));
        engine.remove(replica.id(), STOP_GRACE);
        progress.step(replica.name(), "stopped and removed");
        rotation.release(drained, Duration.ofSeconds(5));
    }

    private MemoryBudget budget(String project) {
        var running = engine.containers(Optional.empty()).stream().filter(ObservedContainer::running).toList();
        var usage = new java.util.concurrent.ConcurrentHashMap<String, Long>();
        Parallel.run(running.stream().map(c -> (Runnable) () -> {
            OptionalLong bytes = engine.memoryUsage(c.id());
            bytes.ifPresent(b -> usage.put(c.id(), b));
        }).toList());
        long used = usage.values().stream().mapToLong(Long::longValue).sum();
        long perReplica = running.stream().filter(c -> Tier.WEB.label().equals(c.tier())
                        && project.equals(c.labels().get(dev.scaler.plan.Labels.PROJECT)))
                .mapToLong(c -> usage.getOrDefault(c.id(), 0L)).max().orElse(0);
        return new MemoryBudget(engine.memoryTotal(), used, perReplica);
    }
}
