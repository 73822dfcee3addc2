package dev.scaler.chaos;

import dev.scaler.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an experiment needs of a topology, read from its targets and links, so that {@code scaler chaos} (and a
 * gameday, which skips what cannot run) can say "needs a topology with a cdn" before any load is sent.
 */
public final class Needs {

    private Needs() {
    }

    /** Everything the experiment needs, in words, in the order its steps first need them. */
    public static List<String> of(Experiment experiment) {
        return List.copyOf(requirements(experiment).keySet());
    }

    /** What the experiment needs that the topology lacks; empty when it can run there. */
    public static List<String> unmet(Experiment experiment, Topology topology) {
        var unmet = new ArrayList<String>();
        requirements(experiment).forEach((what, met) -> {
            if (!met.test(topology)) {
                unmet.add(what);
            }
        });
        return unmet;
    }

    private static Map<String, Predicate<Topology>> requirements(Experiment experiment) {
        var needs = new LinkedHashMap<String, Predicate<Topology>>();
        for (Step step : experiment.steps()) {
            switch (step.action()) {
                case ContainerAction c -> target(c.target(), needs);
                case NetworkFault f -> link(f.link(), needs);
                case Heal h -> h.link().ifPresentOrElse(l -> link(l, needs), () -> proxies(needs));
                case NodeAction n -> {
                    // A cluster's node, not a tier of the topology: what it needs is checked against the cluster.
                }
            }
        }
        return needs;
    }

    private static void proxies(Map<String, Predicate<Topology>> needs) {
        needs.putIfAbsent("proxies: true (network faults go through Toxiproxy)", Topology::proxies);
    }

    private static void link(Link link, Map<String, Predicate<Topology>> needs) {
        proxies(needs);
        switch (link) {
            case Link.Path path -> target(path.to(), needs);
            case Link.Between b -> datacenters(needs, b.first(), b.second());
        }
    }

    private static void datacenters(Map<String, Predicate<Topology>> needs, String... names) {
        needs.putIfAbsent("two datacenters or more", t -> t.datacenters().size() >= 2);
        for (String name : names) {
            needs.putIfAbsent("a datacenter named " + name,
                    t -> t.datacenters().stream().anyMatch(d -> d.name().equals(name)));
        }
    }

    private static void target(Target target, Map<String, Predicate<Topology>> needs) {
        if (target instanceof Target.Datacenter dc) {
            datacenters(needs, dc.name());
            return;
        }
        Target.Nodes n = (Target.Nodes) target;
        int number = n.pick() instanceof Pick.Number p ? p.value() : 1;
        switch (n.tier()) {
            // Every topology has a load balancer and a web replica: only a number beyond the first needs more.
            case LB -> {
                if (number > 1) {
                    needs.putIfAbsent(count(number, "load balancer"), t -> t.loadBalancer().replicas() >= number);
                }
            }
            case WEB -> {
                if (number > 1) {
                    needs.putIfAbsent(count(number, "web replica"), t -> t.web().replicas() >= number);
                }
            }
            case CACHE -> cache(n, number, needs);
            case DATABASE -> {
                needs.putIfAbsent("a database", t -> t.database().isPresent());
                int replicas = Math.max(number - 1, n.role().filter(r -> r == Role.REPLICA).isPresent() ? 1 : 0);
                if (replicas > 0) {
                    needs.putIfAbsent("a database with " + count(replicas, "replica"),
                            t -> t.database().map(d -> d.replicas() >= replicas).orElse(false));
                }
            }
            case SHARD -> {
                needs.putIfAbsent(number == 1 ? "shards" : count(number, "shard"),
                        t -> t.shards().map(s -> s.count() >= number).orElse(false));
                if (n.role().equals(Optional.of(Role.REPLICA))) {
                    needs.putIfAbsent("shards with a replica", t -> t.shards().map(s -> s.replicas() >= 1).orElse(false));
                }
            }
            case CDN -> needs.putIfAbsent("a cdn", t -> t.cdn().isPresent());
            default -> throw new IllegalStateException(n.tier() + " is not a target");
        }
    }

    private static void cache(Target.Nodes n, int number, Map<String, Predicate<Topology>> needs) {
        needs.putIfAbsent("a cache", t -> t.cache().isPresent());
        if (n.role().equals(Optional.of(Role.SENTINEL))) {
            needs.putIfAbsent(number == 1 ? "Redis Sentinels" : number + " Redis Sentinels",
                    t -> t.cache().map(c -> c.sentinels() >= number).orElse(false));
            return;
        }
        int replicas = Math.max(number - 1, n.role().equals(Optional.of(Role.REPLICA)) ? 1 : 0);
        if (replicas > 0) {
            needs.putIfAbsent("a cache with " + count(replicas, "replica"),
                    t -> t.cache().map(c -> c.replicas() >= replicas).orElse(false));
        }
    }

    /** "a web replica", "2 web replicas". */
    private static String count(int n, String what) {
        return n == 1 ? "a " + what : n + " " + what + "s";
    }
}
