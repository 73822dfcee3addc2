package dev.scaler.engine;

import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Diff;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * Carries out a diff: every container is created at once, and each starts as soon as what it depends on is
 * healthy (independent ones in parallel), each waited on until healthy. On failure or cancellation everything this run created is removed,
 * so an interrupted or failed `up` leaves nothing half-created.
 */
public final class Apply {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Engine engine;
    private final UnaryOperator<String> secrets;
    private final Progress progress;
    private final Duration healthTimeout;
    private volatile boolean cancelled;
    /** The first failure of a parallel step; the others stop waiting once it is set. */
    private final java.util.concurrent.atomic.AtomicReference<RuntimeException> firstFailure =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<String> createdContainers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> createdNetworks = new ArrayList<>();
    private final List<String> createdVolumes = new ArrayList<>();

    /** An apply whose secrets are filled in by {@code secrets} (placeholders in, values out). */
    public Apply(Engine engine, UnaryOperator<String> secrets, Progress progress, Duration healthTimeout) {
        this.engine = engine;
        this.secrets = secrets;
        this.progress = progress;
        this.healthTimeout = healthTimeout;
    }

    /** Asks a running apply to stop and roll back; safe from any thread (a shutdown hook). */
    public void cancel() {
        cancelled = true;
    }

    /** True once {@link #run} has begun (before that, there is nothing to roll back). */
    public boolean started() {
        return started.get();
    }

    /** Waits until a run has finished (rolled back or not). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Applies the diff; {@code hashes} gives each planned container's spec digest. */
    public void run(Plan plan, Diff diff, Map<String, String> hashes) {
        started.set(true);
        try {
            apply(plan, diff, hashes);
        } catch (RuntimeException e) {
            rollback();
            throw cancelled ? new CancelledException() : e;
        } finally {
            finished.countDown();
        }
    }

    private void apply(Plan plan, Diff diff, Map<String, String> hashes) {
        Set<String> networks = new HashSet<>(engine.networks(plan.project()));
        for (var n : plan.networks()) {
            if (!networks.contains(n.name())) {
                checkCancelled();
                engine.createNetwork(n);
                createdNetworks.add(n.name());
                progress.step(n.name(), "network created");
            }
        }
        Set<String> volumes = new HashSet<>(engine.volumes(plan.project()));
        for (var v : plan.volumes()) {
            if (!volumes.contains(v.name())) {
                checkCancelled();
                engine.createVolume(v);
                createdVolumes.add(v.name());
                progress.step(v.name(), "volume created");
            }
        }
        var gone = new ArrayList<ObservedContainer>(diff.remove());
        diff.replace().forEach(r -> gone.add(r.old()));
        parallel(gone.stream().map(c -> (Runnable) () -> {
            engine.remove(c.id(), STOP_TIMEOUT);
            progress.step(c.name(), "removed");
        }).toList());

        var toCreate = new LinkedHashMap<String, ContainerSpec>();
        diff.create().forEach(c -> toCreate.put(c.name(), c));
        diff.replace().forEach(r -> toCreate.put(r.spec().name(), r.spec()));
        var toStart = new HashMap<String, ObservedContainer>();
        diff.start().forEach(c -> toStart.put(c.name(), c));
        startInOrder(plan, toCreate, toStart, hashes);
    }

    private void startInOrder(Plan plan, Map<String, ContainerSpec> toCreate, Map<String, ObservedContainer> toStart,
            Map<String, String> hashes) {
        var futures = new HashMap<String, CompletableFuture<Void>>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ContainerSpec spec : Dag.order(plan.containers())) {
                var deps = spec.dependsOn().stream().map(d -> futures.getOrDefault(d, CompletableFuture.completedFuture(null)))
                        .toArray(CompletableFuture[]::new);
                // Created at once, whatever it depends on: creating needs nothing running, only starting does.
                CompletableFuture<String> id;
                if (toCreate.containsKey(spec.name())) {
                    id = CompletableFuture.supplyAsync(() -> failFast(() -> create(spec, hashes.get(spec.name()))), pool);
                } else if (toStart.containsKey(spec.name())) {
                    id = CompletableFuture.completedFuture(toStart.get(spec.name()).id());
                } else {
                    continue;
                }
                futures.put(spec.name(), CompletableFuture.allOf(deps).thenCombine(id, (none, created) -> created)
                        .thenAcceptAsync(created -> failFast(() -> {
                            startAndWait(spec, created);
                            return created;
                        }), pool));
            }
            try {
                CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                RuntimeException first = firstFailure.get();
                throw first != null ? first : unwrap(e);
            }
        }
    }

    /** Runs work; its failure (not a cancellation) is the first failure unless one came before. */
    private <T> T failFast(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!(e instanceof CancelledException)) {
                firstFailure.compareAndSet(null, e);
            }
            throw e;
        }
    }

    private String create(ContainerSpec spec, String hash) {
        checkCancelled();
        var env = new HashMap<String, String>();
        spec.env().forEach((k, v) -> env.put(k, secrets.apply(v)));
        var files = new HashMap<String, byte[]>();
        spec.files().forEach(f -> files.put(f.path(), secrets.apply(f.content()).getBytes(StandardCharsets.UTF_8)));
        String id = engine.create(spec, env, files, hash);
        createdContainers.add(id);
        progress.step(spec.name(), "created");
        return id;
    }

    private void startAndWait(ContainerSpec spec, String id) {
        String name = spec.name();
        checkCancelled();
        engine.start(id);
        progress.step(name, "started");
        long deadline = System.nanoTime() + healthTimeout.toNanos();
        while (true) {
            checkCancelled();
            Health health = engine.health(id);
            if (health.ready() || (health == Health.STARTING && passes(spec, id))) {
                progress.step(name, spec.healthCheck().isPresent() ? "healthy" : "running");
                return;
            }
            if (health.failed() || System.nanoTime() > deadline) {
                String state = health.failed() ? health.name().toLowerCase(java.util.Locale.ROOT)
                        : "still " + health.name().toLowerCase(java.util.Locale.ROOT) + " after " + healthTimeout.toSeconds() + "s";
                throw new UnhealthyException(name, state, engine.logs(id, 20));
            }
            CancelledException.sleep(POLL);
        }
    }

    /**
     * Runs the container's own health check now. Docker runs it only once per interval (10 s, kept long because each
     * check costs the engine an exec), the first time a full interval after start; asking directly saves up to that
     * interval per container.
     */
    private boolean passes(ContainerSpec spec, String id) {
        return spec.healthCheck().map(h -> {
            var test = h.test();
            var command = test.get(0).equals("CMD") ? test.subList(1, test.size()) : List.of("sh", "-c", test.get(1));
            return engine.exec(id, command, h.timeout()).ok();
        }).orElse(false);
    }

    private void rollback() {
        List<String> containers;
        synchronized (createdContainers) {
            containers = new ArrayList<>(createdContainers);
        }
        parallel(containers.stream().map(id -> (Runnable) () -> engine.remove(id, Duration.ZERO)).toList());
        if (!containers.isEmpty()) {
            progress.step(containers.size() + " container(s)", "removed again");
        }
        createdVolumes.forEach(engine::removeVolume);
        createdNetworks.forEach(engine::removeNetwork);
    }

    private void parallel(List<Runnable> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(tasks.stream().map(t -> CompletableFuture.runAsync(t, pool))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    private void checkCancelled() {
        if (cancelled || firstFailure.get() != null) {
            throw new CancelledException();
        }
    }


    private static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException r ? r : e;
    }
}
