package dev.scaler.swarm;

import dev.scaler.plan.ContainerFile;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Labels;
import dev.scaler.plan.Plan;
import dev.scaler.plan.SpecHash;
import dev.scaler.plan.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mapping of a plan onto Swarm, pure. The web replicas and the load balancers of a datacenter become one
 * replicated service each (their containers differ only in their own name, which becomes a Swarm template); every
 * other container becomes a single-task service, and one that keeps data (a volume: database, shard, cache and
 * queue nodes) is pinned to one node, so its volume is always the same one, and so are the Sentinels, one per node,
 * so one node's death leaves a majority of them. What keeps no data and has no vote (the database router, which runs
 * as two tasks on two nodes, the failover agent) is left for Swarm to place, so it moves when its node dies. Every service resolves by DNS round
 * robin (the kernel scaler is tested on has no IPVS, so Swarm's virtual IPs do not answer) and publishes its ports
 * in host mode (the routing mesh needs IPVS too).
 */
public final class Services {
    /** The node label that names a node's datacenter; a multi-datacenter plan places each tier on its own. */
    public static final String DATACENTER_NODE_LABEL = "scaler.datacenter";
    /** The Swarm template for a task's own name in a replicated tier: {@code web-tier-web-2} for slot 2. */
    static final String TASK_NAME = "{{.Service.Name}}-{{.Task.Slot}}";

    private static final Set<Tier> REPLICATED = Set.of(Tier.WEB, Tier.LB);
    /** The role of the database router, which keeps no data and runs as one task on each of two nodes. */
    static final String ROUTER_ROLE = "router";
    /** The role of a Redis Sentinel: no data, but a vote, so the three must stand on three nodes. */
    static final String SENTINEL_ROLE = "sentinel";
    /** How many router tasks run, on as many nodes: one node's death leaves the other to route every query. */
    static final int ROUTERS = 2;
    /**
     * How many failover agents run, on as many nodes: the lowest address of a majority acts, so one node's death
     * (or its partition) leaves two that agree on which acts.
     */
    static final int AGENTS = 3;
    private static final Pattern ONE_PLACEHOLDER = Pattern.compile("\\$\\{secret:([a-z0-9._-]+)}");
    /** The longest name the engine accepts for a config or a secret. */
    static final int MAX_OBJECT_NAME = 64;

    private Services() {
    }

    /** The deployment of a plan on these nodes (in the order placement goes round them). */
    public static Deployment of(Plan plan, List<SwarmNode> nodes) {
        if (nodes.isEmpty()) {
            throw new PlacementException("the swarm has no node to place " + plan.project() + " on",
                    "start one with `scaler cluster up --nodes 3`");
        }
        var groups = new LinkedHashMap<String, List<ContainerSpec>>();
        for (ContainerSpec c : plan.containers()) {
            groups.computeIfAbsent(serviceName(plan.project(), c), k -> new ArrayList<>()).add(c);
        }
        var serviceOf = new LinkedHashMap<String, String>();
        groups.forEach((service, members) -> members.forEach(m -> serviceOf.put(m.name(), service)));
        var placement = new Placement(nodes);
        var services = new ArrayList<Service>();
        var files = new LinkedHashMap<String, ServiceFile>();
        groups.forEach((name, members) -> {
            Service s = service(plan, name, members, serviceOf, placement);
            s.files().forEach(f -> files.putIfAbsent(f.object(), f));
            services.add(s);
        });
        return new Deployment(plan.project(), plan.networks(), List.copyOf(files.values()), services);
    }

    /**
     * True for a service of several tasks named by their slot: a replicated tier's, and the database router's
     * (whose tasks all stand for the plan's one router), from the labels a container of the plan carries.
     */
    public static boolean replicated(Map<String, String> labels) {
        return Tier.fromLabel(labels.getOrDefault(Labels.TIER, "")).map(t -> REPLICATED.contains(t) || t == Tier.AGENT)
                .orElse(false) || router(labels);
    }

    private static boolean router(Map<String, String> labels) {
        return Tier.fromLabel(labels.getOrDefault(Labels.TIER, "")).filter(t -> t == Tier.DATABASE).isPresent()
                && ROUTER_ROLE.equals(labels.get(Labels.ROLE));
    }

    /** The service a container of the plan belongs to: its replicated tier's, or one of its own. */
    static String serviceName(String project, ContainerSpec c) {
        if (!REPLICATED.contains(c.tier())) {
            return c.name();
        }
        return Optional.ofNullable(c.labels().get(Labels.DATACENTER))
                .map(dc -> project + "-" + dc + "-" + c.tier().label())
                .orElse(project + "-" + c.tier().label());
    }

    private static Service service(Plan plan, String name, List<ContainerSpec> members, Map<String, String> serviceOf,
            Placement placement) {
        ContainerSpec first = members.get(0);
        boolean router = router(first.labels());
        boolean agent = first.tier() == Tier.AGENT;
        boolean replicated = REPLICATED.contains(first.tier()) || router || agent;
        var env = new LinkedHashMap<String, String>();
        first.env().forEach((k, v) -> env.put(k, replicated && v.equals(first.name()) ? TASK_NAME : v));
        if (replicated) {
            members.forEach(m -> sameApartFromName(m, first, name));
        }
        // What serves every datacenter (the global load balancer) may run on any node.
        Optional<String> dc = Optional.ofNullable(first.labels().get(Labels.DATACENTER))
                .filter(d -> !d.equals(Labels.GLOBAL_DATACENTER));
        var constraints = new ArrayList<String>();
        dc.ifPresent(d -> constraints.add("node.labels." + DATACENTER_NODE_LABEL + "==" + d));
        // Pinned by its volume, not its tier: a router pinned as a "database" container was a whole tier's single
        // point of failure that Swarm could not move (kill-node of its node: every query failed until it returned).
        // The Sentinels are pinned too, for another reason: placed by Swarm, two of three landed on one node, whose
        // death left one Sentinel, no majority, and the cache primary (on that node too) never replaced (68.82%).
        // Going round the nodes, each runs on its own; one node's death leaves a majority.
        boolean pinned = !replicated && (!first.mounts().isEmpty() || SENTINEL_ROLE.equals(first.labels().get(Labels.ROLE)));
        if (pinned) {
            constraints.add("node.hostname==" + placement.next(dc, name));
        }
        var containerLabels = new LinkedHashMap<>(first.labels());
        if (replicated && !router) {
            containerLabels.remove(Labels.INDEX); // each task's index is its slot, read back from the task
        }
        // The router is one container of the plan and two tasks here, on two nodes, so a node's death leaves one.
        int replicas = router ? Math.min(ROUTERS, placement.eligible(dc))
                : agent ? Math.min(AGENTS, placement.eligible(dc)) : members.size();
        int maxPerNode = router || agent || (replicated && !first.ports().isEmpty()) ? 1 : 0;
        if (agent) {
            env.put(dev.scaler.plan.AgentConfig.AGENTS_ENV, Integer.toString(replicas));
            env.put(dev.scaler.plan.AgentConfig.PEERS_ENV, name);
        }
        var networks = new LinkedHashMap<String, List<String>>();
        networks.put(first.network(), first.aliases());
        networks.putAll(first.otherNetworks());
        var ports = first.ports().stream().map(p -> new HostPort(p.hostPort(), p.containerPort())).toList();
        var files = first.files().stream().map(f -> file(plan.project(), name, f)).toList();
        var dependsOn = members.stream().flatMap(m -> m.dependsOn().stream()).map(d -> serviceOf.getOrDefault(d, d))
                .filter(d -> !d.equals(name)).distinct().toList();
        var labels = new LinkedHashMap<>(containerLabels);
        var unhashed = new Service(name, first.tier(), first.image(), first.command(), env,
                replicated ? TASK_NAME : first.name(), labels, containerLabels, replicas, constraints,
                maxPerNode, networks, ports, files, first.mounts(), first.healthCheck(),
                replicated ? UpdateOrder.START_FIRST : UpdateOrder.STOP_FIRST, dependsOn);
        labels.put(Labels.SPEC, SpecHash.sha256(unhashed.toString()).substring(0, 16));
        return new Service(name, unhashed.tier(), unhashed.image(), unhashed.command(), unhashed.env(),
                unhashed.hostname(), labels, containerLabels, unhashed.replicas(), constraints, unhashed.maxPerNode(),
                networks, ports, files, unhashed.mounts(), unhashed.healthCheck(), unhashed.order(), dependsOn);
    }

    /**
     * A replicated service runs one task spec, so its replicas may differ only in their own name (and index). A
     * planner change that makes them differ otherwise must fail here, not deploy something else.
     */
    private static void sameApartFromName(ContainerSpec m, ContainerSpec first, String service) {
        var env = new LinkedHashMap<String, String>();
        m.env().forEach((k, v) -> env.put(k, v.equals(m.name()) ? first.name() : v));
        var ports = first.ports().stream().map(p -> p.containerPort()).toList();
        if (!env.equals(first.env()) || !m.image().equals(first.image()) || !m.command().equals(first.command())
                || !m.files().equals(first.files()) || !m.mounts().equals(first.mounts())
                || !m.ports().stream().map(p -> p.containerPort()).toList().equals(ports)) {
            throw new IllegalStateException(m.name() + " differs from " + first.name()
                    + " in more than its name, so they cannot be the one service " + service);
        }
    }

    private static ServiceFile file(String project, String service, ContainerFile f) {
        String base = f.path().substring(f.path().lastIndexOf('/') + 1).replaceAll("[^a-zA-Z0-9_.-]", "-");
        var one = ONE_PLACEHOLDER.matcher(f.content());
        if (one.matches()) {
            // The same secret given to several services is one Swarm secret.
            return new ServiceFile(ServiceFile.Kind.SECRET, project + "-" + one.group(1), f.path(), f.mode(), f.content());
        }
        // Configs and secrets cannot change once created: a new content is a new object, named by its digest.
        String digest = SpecHash.sha256(f.content()).substring(0, 12);
        var kind = f.content().contains("${secret:") ? ServiceFile.Kind.SECRET : ServiceFile.Kind.CONFIG;
        String name = service + "-" + base;
        if (name.length() > MAX_OBJECT_NAME - digest.length() - 1) {
            // The engine refuses longer names (400), and the digest alone keeps different contents apart.
            name = name.substring(0, MAX_OBJECT_NAME - digest.length() - 1);
        }
        return new ServiceFile(kind, name + "-" + digest, f.path(), f.mode(), f.content());
    }
}
