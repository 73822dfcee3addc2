package dev.scaler.plan;

import dev.scaler.sql.ServerImage;
import dev.scaler.topology.Datacenter;
import dev.scaler.topology.ReadsFrom;
import dev.scaler.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two or more datacenters. Each is its own network with its own load balancers, web replicas and cache; the
 * database primary lives in the first, replica j of every group in datacenter j mod n (so the others get the
 * first replicas, and the first one a local candidate for failover when there are enough). The only containers on
 * more than one network are the project's Toxiproxy and the global load balancer, so traffic between
 * datacenters can only cross Toxiproxy, where each link carries its permanent latency and where partitions are
 * applied.
 *
 * <p>Names stay what they are in one datacenter: in datacenter A, a node that lives in B is reached by its own name,
 * which on A's network is the alias of a small link container (HAProxy in TCP mode) that passes the bytes to the
 * Toxiproxy proxy {@code link.A.B.<node>}, which dials the node by its alias {@code <node>-in-B} on B's network.
 * So replication, the failover agent and the router work unchanged across datacenters.
 */
final class Datacenters {
    /** Listen ports of the links in Toxiproxy, in plan order; apart from the web tier's 20000 block. */
    static final int FIRST_LINK_PORT = 30000;
    /** The {@code scaler.datacenter} of the containers that belong to no one datacenter. */
    static final String GLOBAL = Labels.GLOBAL_DATACENTER;

    private Datacenters() {
    }

    /** A datacenter's network. */
    static String network(Topology t, Datacenter d) {
        return t.name() + "-" + d.name() + "-net";
    }

    /** The alias by which the proxy reaches a container on its own datacenter's network, unambiguously. */
    static String local(String container, Datacenter d) {
        return container + "-in-" + d.name();
    }

    /** The global load balancer's container name. */
    static String globalLb(Topology t) {
        return t.name() + "-global-lb";
    }

    /** The datacenter a data node lives in: node 1 (the first primary) in the first, replica j in j mod n. */
    static Datacenter home(Topology t, int nodeIndex) {
        var dcs = t.datacenters();
        return dcs.get(nodeIndex == 1 ? 0 : (nodeIndex - 1) % dcs.size());
    }

    /** The plan for a topology with two or more datacenters. */
    static Plan plan(Topology t) {
        var dcs = t.datacenters();
        Datacenter first = dcs.get(0);
        var networks = dcs.stream().map(d -> new NetworkSpec(network(t, d), Labels.project(t.name()))).toList();
        var containers = new ArrayList<ContainerSpec>();
        var volumes = new ArrayList<VolumeSpec>();
        List<DataGroup> groups = DatabaseTier.groups(t);
        var data = DatabaseTier.plan(t, network(t, first), Via.direct());
        volumes.addAll(data.volumes());

        // Where every data container lives; the router and the agent stay with the first primary.
        var homes = new LinkedHashMap<String, Datacenter>();
        for (DataGroup g : groups) {
            for (int i = 1; i <= g.nodes().size(); i++) {
                homes.put(g.nodes().get(i - 1), home(t, i));
            }
        }
        String router = DatabaseTier.router(t);
        if (!groups.isEmpty()) {
            homes.put(router, first);
        }

        // The links: every endpoint dialled by name from a datacenter it does not live in.
        var routes = new ArrayList<ProxyRoute>();
        var links = new ArrayList<ContainerSpec>();
        String proxy = ProxyTier.container(t);
        for (Datacenter from : dcs) {
            for (var endpoint : homes.entrySet()) {
                Datacenter to = endpoint.getValue();
                if (to.equals(from)) {
                    continue;
                }
                String name = endpoint.getKey();
                String shortName = name.substring(t.name().length() + 1);
                List<Integer> ports = name.equals(router) ? groups.stream().map(DataGroup::routePort).toList()
                        : List.of(ServerImage.PORT);
                var linkPorts = new ArrayList<LinkConfig.Port>();
                for (int port : ports) {
                    int listen = FIRST_LINK_PORT + routes.size();
                    String proxyName = ProxyNames.link(from.name(), to.name(),
                            ports.size() > 1 || name.equals(router) ? shortName + "-" + port : shortName);
                    routes.add(new ProxyRoute(proxyName, listen, local(name, to), port, latency(from, to)));
                    linkPorts.add(new LinkConfig.Port(port, proxy, listen));
                }
                links.add(link(t, from, shortName, name, links.size() + 1, linkPorts));
            }
        }

        for (ContainerSpec c : data.containers()) {
            Datacenter d = homes.getOrDefault(c.name(), first);
            var aliases = new ArrayList<>(c.aliases());
            aliases.add(local(c.name(), d));
            var dependsOn = new ArrayList<>(c.dependsOn());
            if (c.tier() == Tier.AGENT) {
                // The agent reaches the other datacenters' nodes through its own datacenter's links.
                links.stream().filter(l -> first.name().equals(l.labels().get(Labels.DATACENTER)))
                        .forEach(l -> dependsOn.add(l.name()));
            }
            containers.add(moved(c, t.name(), d.name(), network(t, d), aliases, dependsOn, c.ports(), Map.of()));
        }
        if (!routes.isEmpty()) {
            var others = new LinkedHashMap<String, List<String>>();
            dcs.subList(1, dcs.size()).forEach(d -> others.put(network(t, d), List.of()));
            ContainerSpec p = ProxyTier.spec(t, routes, network(t, first));
            containers.add(moved(p, t.name(), GLOBAL, p.network(), p.aliases(), p.dependsOn(), p.ports(), others));
        }
        containers.addAll(links);

        // One CDN in front of every datacenter, as a CDN is: on the first datacenter's network, belonging to none.
        var cdnEnv = new LinkedHashMap<String, String>();
        t.cdn().map(c -> CdnTier.plan(t, c, network(t, first))).ifPresent(tier -> {
            tier.containers().forEach(c -> containers.add(moved(c, t.name(), GLOBAL, c.network(), c.aliases(),
                    c.dependsOn(), c.ports(), Map.of())));
            volumes.addAll(tier.volumes());
            cdnEnv.putAll(tier.webEnv());
        });

        var sites = new ArrayList<GlobalLbConfig.Site>();
        for (int k = 0; k < dcs.size(); k++) {
            Datacenter d = dcs.get(k);
            Topology local = inside(t, d);
            String net = network(t, d);
            var cache = t.cache().map(c -> CacheTier.plan(local, c, net, Via.direct()));
            cache.ifPresent(tier -> {
                tier.containers().forEach(c -> containers.add(moved(c, t.name(), d.name(), net, c.aliases(),
                        c.dependsOn(), c.ports(), Map.of())));
                tier.volumes().forEach(v -> volumes.add(new VolumeSpec(v.name(), Labels.project(t.name()))));
            });
            var env = new LinkedHashMap<String, String>();
            cache.ifPresent(tier -> env.putAll(tier.webEnv()));
            env.putAll(cdnEnv);
            env.putAll(localReads(t, data.webEnv(), groups, d));
            for (int i = 1; i <= t.web().replicas(); i++) {
                ContainerSpec w = Planner.web(local, i, net, env, List.of());
                containers.add(moved(w, t.name(), d.name(), net, w.aliases(), w.dependsOn(), w.ports(), Map.of()));
            }
            var balancers = new ArrayList<String>();
            for (int i = 1; i <= t.loadBalancer().replicas(); i++) {
                ContainerSpec lb = Planner.loadBalancer(local, i, net);
                // Users arrive through the global load balancer; a datacenter's own ones are not published.
                containers.add(moved(lb, t.name(), d.name(), net, lb.aliases(), lb.dependsOn(), List.of(), Map.of()));
                balancers.add(lb.name());
            }
            Optional<String> primary = groups.stream().filter(g -> g.tier() == Tier.DATABASE).findFirst()
                    .map(db -> (d.equals(first) ? local(router, first) : linkName(t, d, router)) + ":"
                            + db.routePort());
            sites.add(new GlobalLbConfig.Site(d.name(), HaproxyConfig.PORT + k, balancers, primary));
        }
        containers.add(global(t, sites));
        return new Plan(t.name(), t.images().yaml(), networks, volumes, containers, routes);
    }

    /** A link's latency: the larger of the two datacenters' {@code latency}, added to every round trip. */
    static Duration latency(Datacenter a, Datacenter b) {
        return a.latency().compareTo(b.latency()) >= 0 ? a.latency() : b.latency();
    }

    /** The link container in {@code from} that carries the name of {@code endpoint}. */
    private static String linkName(Topology t, Datacenter from, String endpoint) {
        return t.name() + "-" + from.name() + "-link-" + endpoint.substring(t.name().length() + 1);
    }

    private static ContainerSpec link(Topology t, Datacenter from, String shortName, String endpoint, int index,
            List<LinkConfig.Port> ports) {
        var labels = Labels.container(t.name(), Tier.PROXY, index, "link");
        labels.put(Labels.DATACENTER, from.name());
        var check = HealthCheck.command("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + ports.get(0).port());
        return new ContainerSpec(linkName(t, from, endpoint), Tier.PROXY, index, Images.haproxy(t.images()),
                List.of("haproxy", "-W", "-db", "-f", HaproxyConfig.PATH), Map.of(), List.of(), labels,
                Optional.of(check), List.of(), List.of(),
                List.of(new ContainerFile(HaproxyConfig.PATH, LinkConfig.render(ports), 0644)), network(t, from),
                // On its datacenter's network it answers to the endpoint's own name.
                List.of(endpoint));
    }

    private static ContainerSpec global(Topology t, List<GlobalLbConfig.Site> sites) {
        var lb = t.loadBalancer();
        var dcs = t.datacenters();
        var ports = new ArrayList<PortBinding>();
        for (int k = 0; k < sites.size(); k++) {
            ports.add(new PortBinding(lb.bind(), lb.port() + k, sites.get(k).port()));
        }
        var others = new LinkedHashMap<String, List<String>>();
        dcs.subList(1, dcs.size()).forEach(d -> others.put(network(t, d), List.of()));
        var labels = Labels.container(t.name(), Tier.LB, 0, "global");
        labels.put(Labels.DATACENTER, GLOBAL);
        labels.put(Labels.DATACENTERS, String.join(",", dcs.stream().map(Datacenter::name).toList()));
        String config = GlobalLbConfig.render(sites, lb.healthCheck(), HaproxyConfig.PORT);
        return new ContainerSpec(globalLb(t), Tier.LB, 0, Images.haproxy(t.images()),
                List.of("haproxy", "-W", "-db", "-f", HaproxyConfig.PATH), Map.of(), ports, labels,
                // Healthy once the first datacenter's users are served through it, so it starts after that one's balancers.
                Optional.of(HealthCheck.http(HaproxyConfig.PORT, lb.healthCheck().path())), sites.get(0).balancers(),
                List.of(),
                List.of(new ContainerFile(HaproxyConfig.PATH, config, 0644)), network(t, dcs.get(0)), List.of(),
                others);
    }

    /**
     * Web replicas read from their own datacenter: its replicas, else the primary when it lives there, else (a
     * datacenter without any node of the group) the replicas elsewhere, through the links.
     */
    static Map<String, String> localReads(Topology t, Map<String, String> env, List<DataGroup> groups,
            Datacenter d) {
        var out = new LinkedHashMap<>(env);
        String scheme = "jdbc:" + DatabaseTier.dialect(t).name() + "://";
        int shard = 0;
        for (DataGroup g : groups) {
            var replicas = g.nodes().subList(1, g.nodes().size());
            var here = new ArrayList<String>();
            for (int i = 2; i <= g.nodes().size(); i++) {
                if (home(t, i).equals(d)) {
                    here.add(g.nodes().get(i - 1));
                }
            }
            String key = g.tier() == Tier.DATABASE ? "SCALER_DB_REPLICA_URLS" : "SCALER_SHARD_" + shard++
                    + "_REPLICA_URLS";
            if (!here.isEmpty()) {
                out.put(key, DatabaseTier.urls(scheme, here, Via.direct()));
            } else if (home(t, 1).equals(d) && g.tier() == Tier.DATABASE
                    && t.database().map(db -> db.readsFrom() == ReadsFrom.REPLICAS).orElse(false)) {
                out.put("SCALER_DB_READS_FROM", ReadsFrom.PRIMARY.yaml());
            } else if (!replicas.isEmpty()) {
                out.put(key, DatabaseTier.urls(scheme, replicas, Via.direct()));
            }
        }
        return out;
    }

    /** The topology as one datacenter sees it: its containers are named {@code <project>-<dc>-...}. */
    private static Topology inside(Topology t, Datacenter d) {
        return new Topology(t.version(), t.name() + "-" + d.name(), t.images(), t.loadBalancer(), t.web(), t.cache(),
                t.database(), t.shards(), t.cdn(), t.queue(), t.workers(), false, List.of(d), t.source());
    }

    /** The container labelled with the project and its datacenter, on that network. */
    private static ContainerSpec moved(ContainerSpec c, String project, String datacenter, String network,
            List<String> aliases, List<String> dependsOn, List<PortBinding> ports,
            Map<String, List<String>> otherNetworks) {
        var labels = new LinkedHashMap<>(c.labels());
        labels.put(Labels.PROJECT, project);
        labels.put(Labels.DATACENTER, datacenter);
        return new ContainerSpec(c.name(), c.tier(), c.index(), c.image(), c.command(), c.env(), ports, labels,
                c.healthCheck(), dependsOn, c.mounts(), c.files(), network, aliases, otherNetworks);
    }
}
