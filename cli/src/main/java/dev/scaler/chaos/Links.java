package dev.scaler.chaos;

import dev.scaler.plan.ProxyNames;
import dev.scaler.plan.Tier;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Resolves a link to the Toxiproxy proxies on it, named as the planner names them ({@link ProxyNames}), keeping
 * only the proxies that exist. A link is every path that matches, never a random one:
 *
 * <ul>
 *   <li>{@code web -> database.primary}: {@code database-primary}, the route that follows failover;</li>
 *   <li>{@code web -> shard[1].primary}: {@code shard-1-primary};</li>
 *   <li>{@code web -> cache.primary}: {@code cache-<i>} of the Redis node that says it is primary now;</li>
 *   <li>{@code web -> database.replica}: {@code database-<i>} of every node that says it is a replica;</li>
 *   <li>{@code web -> shard[1]}, {@code web -> cache}, {@code web -> database}: every proxy of that group;</li>
 *   <li>{@code web -> cache[2]}: {@code cache-2};</li>
 *   <li>{@code between dc:a and dc:b}: every {@code link.a.b.*} and {@code link.b.a.*}.</li>
 * </ul>
 */
public final class Links {

    private Links() {
    }

    /** The names of the existing proxies on the link, sorted; never empty. */
    public static List<String> proxies(Link link, Snapshot snapshot) throws TargetNotFoundException {
        if (link instanceof Link.Between between) {
            // Every link between the two, both ways: the datacenters' only paths to each other.
            List<String> joining = snapshot.proxies().stream()
                    .filter(p -> ProxyNames.joins(p, between.first(), between.second())).sorted().toList();
            if (joining.isEmpty()) {
                throw new TargetNotFoundException("no proxy joins dc:" + between.first() + " and dc:"
                        + between.second() + " (partitions between datacenters need a topology with both"
                        + " datacenters, brought up with scaler up)");
            }
            return joining;
        }
        Target.Nodes to = ((Link.Path) link).to();
        List<String> wanted = ((Link.Path) link).from() == Tier.WORKERS ? workers(wanted(to, snapshot))
                : wanted(to, snapshot);
        List<String> existing = wanted.stream().filter(snapshot.proxies()::contains).sorted().distinct().toList();
        if (!existing.isEmpty()) {
            return existing;
        }
        if (wanted.isEmpty()) {
            throw new TargetNotFoundException("no proxy is on " + link.text() + " right now: " + why(to, snapshot));
        }
        throw new TargetNotFoundException("no proxy is on " + link.text() + ": " + String.join(", ", wanted)
                + (wanted.size() == 1 ? " does" : " do") + " not exist (network faults need a topology with"
                + " proxies: true, brought up with scaler up)");
    }

    /** The workers' proxies on the same queue nodes as the web tier's {@code queue-<i>}. */
    private static List<String> workers(List<String> webProxies) {
        return webProxies.stream().map(p -> ProxyNames.workerQueue(Integer.parseInt(p.substring("queue-".length()))))
                .toList();
    }

    /** The proxy names the link stands for, before checking that they exist. */
    private static List<String> wanted(Target.Nodes to, Snapshot snapshot) {
        Optional<Integer> shard = to.pick() instanceof Pick.Number n && to.tier() == Tier.SHARD
                ? Optional.of(n.value()) : Optional.empty();
        boolean numbered = to.pick() instanceof Pick.Number && to.tier() != Tier.SHARD;
        if (to.role().isEmpty() && !numbered) {
            // The whole group: every proxy of the cache, of the database, of one shard or of all shards.
            return snapshot.proxies().stream().filter(p -> ProxyNames.inGroup(p, to.tier(), shard)).toList();
        }
        if (to.role().equals(Optional.of(Role.PRIMARY)) && to.tier() != Tier.CACHE && !numbered) {
            // The router's route to the primary: it follows failover, so it needs no role from the snapshot.
            if (to.tier() == Tier.DATABASE) {
                return List.of(ProxyNames.primaryRoute(Optional.empty()));
            }
            var shards = shard.isPresent() ? List.of(shard.get()) : snapshot.members().stream()
                    .filter(m -> m.tier().equals(Tier.SHARD.label())).flatMap(m -> m.shard().stream())
                    .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
            return shards.stream().map(n -> ProxyNames.primaryRoute(Optional.of(n))).toList();
        }
        // Nodes picked by number or by the role they report: each one's own proxy.
        return snapshot.members().stream()
                .filter(m -> Targets.inScope(to, m) && Targets.hasRole(to, m))
                .sorted(Member.ORDER)
                .flatMap(m -> ProxyNames.node(to.tier(), m.shard(), m.index()).stream())
                .toList();
    }

    private static String why(Target.Nodes to, Snapshot snapshot) {
        String members = snapshot.members().stream().filter(m -> Targets.inScope(new Target.Nodes(to.tier(),
                to.pick(), Optional.empty()), m)).sorted(Member.ORDER).map(Member::describe)
                .collect(Collectors.joining(", "));
        return members.isEmpty() ? "the project has no " + to.tier().label() + " container"
                : "no container is " + to.text() + " (" + members + ")";
    }
}
