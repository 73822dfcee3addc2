package dev.scaler.chaos;

import dev.scaler.engine.Engine;
import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Tier;
import dev.scaler.provision.Roles;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * Builds the {@link Snapshot} a step is resolved against, from the containers labelled with the project (nothing
 * else can ever be a target) and, for the tiers a step needs, the role each data node reports now: asked in
 * parallel, because the time between a step's moment and its fault is part of what a run measures.
 */
public final class Observe {
    /** Every tier whose members' roles change at run time, so are asked of the servers (a queue's leader included). */
    public static final Set<Tier> ROLE_TIERS = Set.of(Tier.CACHE, Tier.DATABASE, Tier.SHARD, Tier.QUEUE);

    private Observe() {
    }

    /** The project now; roles asked only of the data nodes of {@code askRoles} tiers (labels serve the rest). */
    public static Snapshot snapshot(Engine engine, String project, Set<Tier> askRoles, Optional<Faults> proxies) {
        List<ObservedContainer> containers = engine.containers(Optional.of(project)).stream()
                .filter(c -> project.equals(c.labels().get(Labels.PROJECT))).toList();
        List<Member> members;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = containers.stream().map(c -> pool.submit(() -> member(c, engine, askRoles))).toList();
            members = futures.stream().map(f -> {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while asking roles", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("cannot ask roles: " + e.getCause(), e.getCause());
                }
            }).toList();
        }
        Set<String> names = proxies.map(f -> Set.copyOf(f.proxies())).orElse(Set.of());
        return new Snapshot(members, names);
    }

    /** The tiers whose roles a step's selector depends on. */
    public static Set<Tier> rolesNeeded(Action action) {
        Optional<Target.Nodes> nodes = switch (action) {
            case ContainerAction c -> c.target() instanceof Target.Nodes n ? Optional.of(n) : Optional.empty();
            case NetworkFault f -> f.link() instanceof Link.Path p ? Optional.of(p.to()) : Optional.empty();
            case Heal h -> h.link().filter(l -> l instanceof Link.Path).map(l -> ((Link.Path) l).to());
            case NodeAction n -> Optional.empty();
        };
        return nodes.filter(n -> n.role().isPresent()).map(n -> Set.of(n.tier())).orElse(Set.of());
    }

    private static Member member(ObservedContainer c, Engine engine, Set<Tier> askRoles) {
        var labels = c.labels();
        String labelled = labels.getOrDefault(Labels.ROLE, "");
        Optional<Tier> tier = Tier.fromLabel(c.tier());
        boolean dataNode = (tier.equals(Optional.of(Tier.DATABASE)) || tier.equals(Optional.of(Tier.SHARD))
                || tier.equals(Optional.of(Tier.CACHE)) || tier.equals(Optional.of(Tier.QUEUE)))
                && !"router".equals(labelled) && !"sentinel".equals(labelled);
        String role = labelled;
        if (dataNode) {
            role = tier.filter(askRoles::contains).map(t -> role(Roles.of(c, engine))).orElse("");
        }
        return new Member(c.name(), c.id(), c.tier(), number(labels.get(Labels.INDEX)).orElse(0),
                number(labels.get(Labels.SHARD)), Optional.ofNullable(labels.get(Labels.DATACENTER)), role,
                Member.State.ofDocker(c.state()));
    }

    /** "replica of X" is a replica; a queue node's "leader" is kept; "fenced", "member", "-" and "unknown" are no role. */
    static String role(String reported) {
        if (reported.equals("primary") || reported.equals("leader")) {
            return reported;
        }
        return reported.startsWith("replica") ? "replica" : "";
    }

    private static Optional<Integer> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
