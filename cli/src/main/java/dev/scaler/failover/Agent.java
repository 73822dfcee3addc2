package dev.scaler.failover;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The failover agent's loop for its groups: probe, decide with {@link FailoverPolicy}, act, and
 * log every decision with a timestamp. One {@link #tick()} is one round; the caller repeats it.
 */
public final class Agent {
    private final Cluster cluster;
    private final FailoverPolicy policy;
    private final Positions positions;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<String, String> primary = new ConcurrentHashMap<>();
    private final Map<String, Instant> unreachableSince = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPromotion = new ConcurrentHashMap<>();
    private final Map<String, String> lastSaid = new ConcurrentHashMap<>();
    private final Map<String, Boolean> settled = new ConcurrentHashMap<>();
    private final java.util.List<Group> groups;

    /** An agent whose groups start with their first node as primary. */
    public Agent(java.util.List<Group> groups, Cluster cluster, FailoverPolicy policy, Positions positions,
            Clock clock, Consumer<String> log) {
        this.groups = java.util.List.copyOf(groups);
        this.cluster = cluster;
        this.policy = policy;
        this.positions = positions;
        this.clock = clock;
        this.log = log;
        groups.forEach(g -> primary.put(g.name(), g.nodes().get(0)));
    }

    /** The node the agent takes for a group's primary now. */
    public String primaryOf(String group) {
        return primary.get(group);
    }

    /** True when, in the last round, every group had a healthy primary and nothing to repair. */
    public boolean settled() {
        return groups.stream().allMatch(g -> settled.getOrDefault(g.name(), false));
    }

    /** One round over every group, the groups side by side: a dead node in one must not slow the others. */
    public void tick() {
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            groups.forEach(g -> pool.submit(() -> tick(g)));
        }
    }

    /**
     * One round that only learns which node each group's primary is and since when it has been unreachable, acting on
     * nothing: what an agent standing by does, so that when it takes over it knows the primary that was promoted
     * last, not the one it was told first, and need not wait out a detection window the others already saw pass (the
     * acting agent's death on a swarm node cost its successor a second more when it started counting afresh).
     */
    public void observe() {
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            groups.forEach(g -> pool.submit(() -> {
                Instant now = clock.instant();
                watch(g, cluster.probe(g), now);
            }));
        }
        groups.forEach(g -> settled.put(g.name(), false));
    }

    private void tick(Group group) {
        Instant now = clock.instant();
        var views = cluster.probe(group);
        String current = watch(group, views, now);
        var groupPolicy = new FailoverPolicy(group.automatic(), policy.detection(), policy.blockPeriod());
        Decision d = groupPolicy.decide(current, views, Optional.ofNullable(unreachableSince.get(group.name())),
                Optional.ofNullable(lastPromotion.get(group.name())), now, positions);
        settled.put(group.name(), d instanceof Decision.Healthy h0 && !h0.open() && h0.fence().isEmpty()
                && h0.repoint().isEmpty());
        switch (d) {
            case Decision.Healthy h -> {
                if (h.open()) {
                    act(group, "open " + current + " for writes (it starts read-only)",
                            () -> cluster.promote(group, current));
                }
                h.fence().forEach(n -> act(group, "fence " + n + " (writable while " + current + " is primary)",
                        () -> cluster.fence(group, n)));
                h.repoint().forEach(n -> act(group, "repoint " + n + " to " + current,
                        () -> cluster.repoint(group, n, current)));
                cluster.route(group, current);
                say(group, "primary " + current + " healthy");
            }
            case Decision.Suspect s -> say(group, "primary " + s.primary() + " suspect: " + s.why());
            case Decision.Stuck s -> say(group, "primary " + s.primary() + " down, no failover: " + s.why());
            case Decision.Promote p -> promote(group, p, now);
        }
    }

    /** The group's primary as the probe shows it, noting since when it has been unreachable ({@code now}: the probe's start). */
    private String watch(Group group, java.util.List<NodeView> views, Instant now) {
        String current = discoverPrimary(group, views);
        if (views.stream().anyMatch(v -> v.name().equals(current) && v.reachable())) {
            unreachableSince.remove(group.name());
        } else {
            unreachableSince.putIfAbsent(group.name(), now);
        }
        return current;
    }

    /** Asks the nodes who acts as primary; keeps the last known one when none or several do. */
    private String discoverPrimary(Group group, java.util.List<NodeView> views) {
        String known = primary.get(group.name());
        var acting = views.stream().filter(NodeView::actsAsPrimary).map(NodeView::name).toList();
        if (acting.size() == 1 && !acting.get(0).equals(known)) {
            boolean knownAlive = views.stream().anyMatch(v -> v.name().equals(known) && v.actsAsPrimary());
            if (!knownAlive) {
                log(group, "the nodes say " + acting.get(0) + " is primary (was " + known + ")");
                primary.put(group.name(), acting.get(0));
            }
        }
        return primary.get(group.name());
    }

    private void promote(Group group, Decision.Promote p, Instant detected) {
        log(group, "primary " + p.failed() + " is dead; promoting " + p.candidate());
        long start = System.nanoTime();
        act(group, "promote " + p.candidate(), () -> cluster.promote(group, p.candidate()));
        primary.put(group.name(), p.candidate());
        lastPromotion.put(group.name(), detected);
        unreachableSince.remove(group.name());
        act(group, "route to " + p.candidate(), () -> cluster.route(group, p.candidate()));
        p.others().forEach(n -> act(group, "repoint " + n + " to " + p.candidate(),
                () -> cluster.repoint(group, n, p.candidate())));
        log(group, "failover done in " + (System.nanoTime() - start) / 1_000_000 + " ms: " + p.candidate()
                + " is primary");
    }

    private void act(Group group, String what, Runnable action) {
        try {
            action.run();
            log(group, what + ": done");
        } catch (RuntimeException e) {
            log(group, what + ": failed: " + e.getMessage());
        }
    }

    /** Logs a state only when it changes, so a healthy group does not fill the log every second. */
    private void say(Group group, String state) {
        if (!state.equals(lastSaid.put(group.name(), state))) {
            log(group, state);
        }
    }

    private void log(Group group, String message) {
        log.accept(group.name() + ": " + message);
    }
}
