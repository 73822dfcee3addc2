package dev.scaler.chaos;

import dev.scaler.engine.Engine;
import dev.scaler.plan.Labels;
import dev.scaler.plan.Tier;
import dev.scaler.report.Event;
import dev.scaler.yaml.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Walks an experiment's {@link Schedule} on the load's clock: resolves each step's targets when its moment comes,
 * journals every fault before applying it, applies it through Docker or Toxiproxy, and undoes it when the schedule
 * says; {@link #rollBack()} undoes whatever is still in effect and always runs (the caller calls it in a finally
 * block and from the interrupt hook). Every fault and every undo becomes an {@link Event} of the run's timeline.
 */
public final class ChaosRun {

    /**
     * When one step happened, in seconds since the load's second 0: scheduled, its targets known (resolution starts
     * {@link #LEAD} ahead), the call that applies it returned, and the fault was observed in effect (the container no
     * longer running; a toxic is in effect when added).
     */
    public record Injection(int step, String action, String target, List<String> resolved, double scheduled,
            double resolvedAt, double applied, double inEffect) {
        public Injection {
            resolved = List.copyOf(resolved);
        }
    }

    /** What the run reports as it goes: timeline events, injection timings, and lines for people. */
    public interface Listener {
        void event(Event event);

        void injection(Injection injection);

        void say(String line);
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration IN_EFFECT_WAIT = Duration.ofSeconds(5);
    /** How long before a step's moment its targets are resolved: asking roles is a `docker exec` per node, tens of
     * milliseconds on a quiet machine and over a second on a busy one. */
    static final Duration LEAD = Duration.ofSeconds(1);

    /** A step's targets as resolved just before its moment, or why they could not be. */
    private sealed interface Prepared {
    }

    private record Nothing() implements Prepared {
    }

    private record Containers(Choice choice) implements Prepared {
    }

    private record Proxies(List<String> names) implements Prepared {
    }

    private record OneNode(dev.scaler.nodes.NodeContainer node) implements Prepared {
    }

    private record Unresolved(String why) implements Prepared {
    }

    private final Experiment experiment;
    private final String project;
    private final Engine engine;
    private final Optional<Faults> proxies;
    private final Journal journal;
    private final Optional<NodeFaults> nodes;
    private final RandomGenerator random;
    private final Listener listener;
    private final Undo undo;
    /** Faults in effect, by the index of the step that applied them, in the order applied. */
    private final Map<Integer, List<Fault>> inEffect = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger nextFault = new java.util.concurrent.atomic.AtomicInteger(1);
    /** When each step's targets were known, by step index. */
    private final Map<Integer, Double> resolvedAt = new java.util.concurrent.ConcurrentHashMap<>();
    /** Threads still watching for a fault to be in effect; run() waits for them. */
    private final List<java.util.concurrent.Future<?>> confirmations = new CopyOnWriteArrayList<>();
    private volatile long zero;
    private volatile boolean stopped;
    /** Whether the first fault may come: true at once unless a steady state must be seen first ({@link #gate}). */
    private volatile java.util.concurrent.CompletableFuture<Boolean> gate =
            java.util.concurrent.CompletableFuture.completedFuture(true);
    /** Held while a moment's faults are applied and while everything is rolled back, so neither sees half the other. */
    private final Object applying = new Object();

    public ChaosRun(Experiment experiment, String project, Engine engine, Optional<Faults> proxies, Journal journal,
            RandomGenerator random, Listener listener) {
        this(experiment, project, engine, proxies, Optional.empty(), journal, random, listener);
    }

    /** @param nodes the cluster node actions act on (empty: the project runs on no cluster, and they fail) */
    public ChaosRun(Experiment experiment, String project, Engine engine, Optional<Faults> proxies,
            Optional<NodeFaults> nodes, Journal journal, RandomGenerator random, Listener listener) {
        this.experiment = experiment;
        this.nodes = nodes;
        this.project = project;
        this.engine = engine;
        this.proxies = proxies;
        this.journal = journal;
        this.random = random;
        this.listener = listener;
        this.undo = new Undo(engine, () -> proxies);
    }

    /** Steps that could not be carried out (no such target right now, the engine refused), in words. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Runs every entry of the schedule at its time after {@code zeroNanos} (the load's second 0 on
     * {@link System#nanoTime()}); returns when the schedule is done or {@link #stop()} was called.
     */
    public void run(long zeroNanos) {
        this.zero = zeroNanos;
        var entries = Schedule.of(experiment).entries();
        try {
            for (int i = 0; i < entries.size(); ) {
                Schedule.Entry entry = entries.get(i);
                if (entry instanceof Schedule.Undo u) {
                    if (!waitUntil(u.at())) {
                        return;
                    }
                    undoFaults(u.step().index(), u.why() == Schedule.Why.DURATION ? "its duration ran out" : "rollback");
                    i++;
                    continue;
                }
                // Steps of the same moment are resolved together a moment early and applied together, so each
                // lands on time rather than after the others.
                var batch = new ArrayList<Schedule.Apply>();
                while (i < entries.size() && entries.get(i) instanceof Schedule.Apply a && a.at().equals(entry.at())) {
                    batch.add(a);
                    i++;
                }
                if (!waitUntil(entry.at().minus(LEAD))) {
                    return;
                }
                List<Prepared> prepared = together(batch.stream().map(a -> (java.util.concurrent.Callable<Prepared>)
                        () -> prepare(a.step())).toList());
                if (!waitUntil(entry.at()) || !gateOpen()) {
                    return;
                }
                var applies = new ArrayList<java.util.concurrent.Callable<Prepared>>();
                for (int k = 0; k < batch.size(); k++) {
                    var apply = batch.get(k);
                    var p = prepared.get(k);
                    applies.add(() -> {
                        apply(apply, p);
                        return p;
                    });
                }
                synchronized (applying) {
                    if (stopped) {
                        return;
                    }
                    together(applies);
                }
            }
        } finally {
            confirmations.forEach(ChaosRun::join);
        }
    }

    /** Runs the calls at once, each on a virtual thread; their results in order. */
    private static <T> List<T> together(List<java.util.concurrent.Callable<T>> calls) {
        if (calls.size() == 1) {
            try {
                return List.of(calls.get(0).call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = calls.stream().map(pool::submit).toList();
            return futures.stream().map(ChaosRun::join).toList();
        }
    }

    private static <T> T join(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Before the load starts: the first toxic a process adds costs a few hundred milliseconds of class loading and
     * connection set-up, which would land on the first step. A toxic with toxicity 0 (it acts on no connection) is
     * added and removed once, so the first real one is as quick as the rest.
     */
    public void prime() {
        boolean network = experiment.steps().stream().anyMatch(s -> s.action() instanceof NetworkFault);
        if (!network || proxies.isEmpty()) {
            return;
        }
        try {
            var faults = proxies.get();
            faults.proxies().stream().findFirst().ifPresent(proxy -> {
                faults.add(proxy, new Toxic(Leftovers.OURS + "prime", "latency", "downstream", 0, java.util.Map.of("latency", 0L)));
                faults.remove(proxy, Leftovers.OURS + "prime");
            });
        } catch (RuntimeException e) {
            // Only a warm-up: the step itself reports what is wrong with the proxies.
        }
    }

    /** Asks {@link #run} to start nothing more; what is in effect stays until {@link #rollBack()}. */
    public void stop() {
        stopped = true;
    }

    /**
     * Makes the first fault wait for {@code open}: true lets the schedule go on, false ends it with nothing
     * injected (the steady state was not met). Call before {@link #run}.
     */
    public void gate(java.util.concurrent.CompletableFuture<Boolean> open) {
        this.gate = open;
    }

    /**
     * An abort line tripped: nothing more is started, the faults being applied this moment land, and then every fault
     * in effect is undone at once, as at the rollback (kills with rollback: leave stay down).
     */
    public void abort(String why) {
        synchronized (applying) {
            stopped = true;
            rollBack(why);
        }
    }

    /** Undoes every fault still in effect, latest first; never throws. Kills with rollback: leave stay down. */
    public void rollBack() {
        rollBack("the experiment ended");
    }

    /** One rollback at a time, so an abort returns only once whatever another rollback took is undone too. */
    private void rollBack(String why) {
        synchronized (applying) {
            undoAll(why);
        }
    }

    private void undoAll(String why) {
        List<Integer> steps;
        synchronized (inEffect) {
            steps = new ArrayList<>(inEffect.keySet());
        }
        Collections.reverse(steps);
        for (int step : steps) {
            undoFaults(step, why);
        }
    }

    /** Waits for the gate while the run goes on; whether the first fault may come. */
    private boolean gateOpen() {
        while (!gate.isDone() && !stopped) {
            LockSupport.parkNanos(20_000_000L);
        }
        return !stopped && gate.getNow(false);
    }

    /** Waits for a moment of the schedule; false when the run was stopped or its gate closed meanwhile. */
    private boolean waitUntil(Duration at) {
        long due = zero + at.toNanos();
        long wait;
        while (!stopped && !gateClosed() && (wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, 50_000_000L));
        }
        return !stopped && !gateClosed();
    }

    private boolean gateClosed() {
        return gate.isDone() && !gate.getNow(false);
    }

    private double now() {
        return (System.nanoTime() - zero) / 1e9;
    }

    /** Resolves what a step acts on: containers for a take-down, a start or an unpause; proxies for a network fault. */
    private Prepared prepare(Step step) {
        try {
            return resolve(step);
        } finally {
            resolvedAt.put(step.index(), now());
        }
    }

    private Prepared resolve(Step step) {
        try {
            return switch (step.action()) {
                case ContainerAction.Restore r -> new Nothing();
                case ContainerAction c -> new Containers(Targets.choose(c,
                        Observe.snapshot(engine, project, Observe.rolesNeeded(c), Optional.empty()), random));
                case NetworkFault f -> {
                    Faults faults = proxies.orElseThrow(() -> new TargetNotFoundException(project
                            + " has no running Toxiproxy container; network faults need proxies: true in the topology"));
                    yield new Proxies(Links.proxies(f.link(),
                            Observe.snapshot(engine, project, Observe.rolesNeeded(f), Optional.of(faults))));
                }
                case Heal h -> new Nothing();
                case NodeAction n -> new OneNode(nodes.orElseThrow(() -> new TargetNotFoundException(
                        "no cluster to act on: node actions need a cluster of `scaler cluster up`"))
                        .resolve(n.target(), this::nodesRunning));
            };
        } catch (TargetNotFoundException e) {
            return new Unresolved(e.getMessage());
        } catch (RuntimeException e) {
            return new Unresolved(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The hostnames of the swarm nodes that run a container of the project's tier (none on one engine). */
    private Set<String> nodesRunning(Tier tier) {
        return engine.containers(Optional.of(project)).stream()
                .filter(c -> tier.label().equals(c.labels().get(Labels.TIER)) && "running".equals(c.state()))
                .map(c -> c.labels().get(Labels.NODE)).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
    }

    private void apply(Schedule.Apply apply, Prepared prepared) {
        Step step = apply.step();
        for (Step undone : apply.undoes()) {
            undoFaults(undone.index(), step.action().keyword() + " at " + Durations.format(step.at()));
        }
        try {
            switch (step.action()) {
                case ContainerAction.Restore r -> {
                    // Its work was undoing the fault it names, done above.
                }
                case ContainerAction c when !apply.undoes().isEmpty() && !c.takesDown() -> {
                    // A start or unpause of what an earlier step took down: undone above, on the containers it chose.
                }
                case Heal h -> {
                    if (apply.undoes().isEmpty()) {
                        listener.say(String.format("%6.1fs  heal %s: nothing in effect", now(),
                                h.link().map(Link::text).orElse("all")));
                    }
                }
                default -> {
                    switch (prepared) {
                        case Unresolved u -> fail(step, u.why());
                        case Containers c when ((ContainerAction) step.action()).takesDown() ->
                                takeDown(step, (ContainerAction) step.action(), c.choice());
                        case Containers c -> bringBack((ContainerAction) step.action(), c.choice());
                        case Proxies p -> degrade(step, (NetworkFault) step.action(), p.names());
                        case OneNode o -> takeDownNode(step, (NodeAction) step.action(), o.node());
                        case Nothing n -> {
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            fail(step, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void fail(Step step, String why) {
        String text = "steps[" + step.index() + "] (" + step.action().summary() + " at " + Durations.format(step.at())
                + ") was not carried out: " + why;
        problems.add(text);
        listener.event(new Event(now(), "note", step.action().keyword(), target(step.action()), text));
        listener.say(String.format("%6.1fs  %s", now(), text));
    }

    private void takeDown(Step step, ContainerAction action, Choice choice) {
        boolean restart = switch (action) {
            case ContainerAction.Kill k -> k.rollback() == Rollback.START;
            case ContainerAction.Stop s -> s.rollback() == Rollback.START;
            default -> true;
        };
        var faults = new ArrayList<Fault>();
        for (Member m : choice.chosen()) {
            var fault = new Fault.OnContainer(nextFault.getAndIncrement(), action.keyword(), action.target().text(), m.id(),
                    m.container(), restart);
            journal.applying(fault);
            faults.add(fault);
            inEffect.computeIfAbsent(step.index(), k -> new CopyOnWriteArrayList<>()).add(fault);
        }
        double applied = 0;
        for (Member m : choice.chosen()) {
            switch (action) {
                case ContainerAction.Kill k -> engine.signal(m.id(), "KILL");
                case ContainerAction.Stop s -> engine.stop(m.id(), STOP_GRACE);
                default -> engine.pause(m.id());
            }
            applied = now();
        }
        String resolved = describe(choice);
        listener.event(new Event(applied, Event.FAULT, action.keyword(), action.target().text(), resolved));
        listener.say(String.format("%6.1fs  %s %s: %s", applied, action.keyword(), action.target().text(), resolved));
        double done = applied;
        // Watched on the side, so that seeing the container go down does not hold up the next step.
        var watch = new java.util.concurrent.FutureTask<Void>(() -> {
            double effective = inEffect(choice.chosen(), action);
            listener.injection(new Injection(step.index(), action.keyword(), action.target().text(), choice.names(),
                    seconds(step.at()), resolvedAt.getOrDefault(step.index(), done), done, effective));
            return null;
        });
        confirmations.add(watch);
        Thread.ofVirtual().name("scaler-in-effect").start(watch);
    }

    /** Polls Docker until every chosen container has left the running state; the time it saw that. */
    private double inEffect(List<Member> chosen, ContainerAction action) {
        long deadline = System.nanoTime() + IN_EFFECT_WAIT.toNanos();
        var ids = chosen.stream().map(Member::id).toList();
        while (System.nanoTime() < deadline) {
            boolean all = engine.containers(Optional.of(project)).stream().filter(c -> ids.contains(c.id()))
                    .allMatch(c -> action instanceof ContainerAction.Pause ? "paused".equals(c.state())
                            : !c.running() && !"paused".equals(c.state()));
            if (all) {
                return now();
            }
            LockSupport.parkNanos(2_000_000L);
        }
        return now();
    }

    /** A start or unpause of something no step of this run took down: whatever was stopped or paused. */
    private void bringBack(ContainerAction action, Choice choice) {
        for (Member m : choice.chosen()) {
            if (action instanceof ContainerAction.Unpause) {
                engine.unpause(m.id());
            } else {
                engine.start(m.id());
            }
        }
        listener.event(new Event(now(), Event.RESTORE, action.keyword(), action.target().text(), describe(choice)));
        listener.say(String.format("%6.1fs  %s %s: %s", now(), action.keyword(), action.target().text(),
                describe(choice)));
    }

    private void degrade(Step step, NetworkFault fault, List<String> names) {
        Faults faults = proxies.orElseThrow();
        String toxicName = Leftovers.OURS + step.index() + "-" + fault.keyword();
        var toxics = Toxics.of(fault, step.toxicity(), toxicName);
        double applied = 0;
        for (String proxy : names) {
            for (Toxic toxic : toxics) {
                var f = new Fault.OnLink(nextFault.getAndIncrement(), fault.keyword(), fault.link().text(), proxy, toxic.name());
                journal.applying(f);
                inEffect.computeIfAbsent(step.index(), k -> new CopyOnWriteArrayList<>()).add(f);
                faults.add(proxy, toxic);
                applied = now();
            }
        }
        String detail = fault.summary() + (step.toxicity() < 1 ? " toxicity " + step.toxicity() : "") + " on "
                + String.join(", ", names);
        listener.event(new Event(applied, Event.FAULT, fault.keyword(), fault.link().text(), detail));
        listener.injection(new Injection(step.index(), fault.keyword(), fault.link().text(), names,
                seconds(step.at()), resolvedAt.getOrDefault(step.index(), applied), applied, applied));
        listener.say(String.format("%6.1fs  %s", applied, detail));
    }

    private void takeDownNode(Step step, NodeAction action, dev.scaler.nodes.NodeContainer node) {
        var faults = nodes.orElseThrow();
        var fault = faults.fault(action, node, nextFault.getAndIncrement());
        journal.applying(fault);
        inEffect.computeIfAbsent(step.index(), k -> new CopyOnWriteArrayList<>()).add(fault);
        faults.inflict(action, fault);
        double applied = now();
        listener.event(new Event(applied, Event.FAULT, action.keyword(), action.target().text(), node.name()));
        listener.injection(new Injection(step.index(), action.keyword(), action.target().text(), List.of(node.name()),
                seconds(step.at()), resolvedAt.getOrDefault(step.index(), applied), applied, applied));
        listener.say(String.format("%6.1fs  %s %s: %s", applied, action.keyword(), action.target().text(),
                node.name()));
    }

    /** Undoes the faults a step applied, records that in the journal and the timeline. */
    private void undoFaults(int step, String why) {
        List<Fault> faults = inEffect.remove(step);
        if (faults == null || faults.isEmpty()) {
            return;
        }
        var done = new ArrayList<String>();
        boolean network = false;
        for (Fault f : faults.reversed()) {
            var outcome = undo.undo(f);
            if (outcome.ok()) {
                journal.undone(f.id());
            } else {
                problems.add(outcome.what());
            }
            network |= f instanceof Fault.OnLink;
            if (!done.contains(outcome.what())) {
                done.add(outcome.what());
            }
        }
        Fault first = faults.get(0);
        double t = now();
        listener.event(new Event(t, network ? Event.HEAL : Event.RESTORE, first.action(), first.target(),
                String.join("; ", done) + " (" + why + ")"));
        listener.say(String.format("%6.1fs  undo %s %s: %s (%s)", t, first.action(), first.target(),
                String.join("; ", done), why));
    }


    private static String describe(Choice choice) {
        return String.join(", ", choice.chosen().stream().map(Member::describe).toList())
                + (choice.random() ? " (chosen at random among " + choice.candidates().size() + ")" : "");
    }

    private static String target(Action action) {
        return switch (action) {
            case ContainerAction c -> c.target().text();
            case NetworkFault f -> f.link().text();
            case Heal h -> h.link().map(Link::text).orElse("all");
            case NodeAction n -> n.target().text();
        };
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
