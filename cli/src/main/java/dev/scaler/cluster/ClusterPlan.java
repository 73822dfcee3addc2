package dev.scaler.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What `scaler cluster up` makes, decided before anything is made: the nodes (names, fixed addresses, roles,
 * datacenters) on one network of a fixed subnet. Pure: the subnets already in use come in, the plan or the problems
 * with what was asked come out.
 */
public record ClusterPlan(String name, String network, Subnet subnet, List<NodePlan> nodes) {
    /** The default cluster name. */
    public static final String DEFAULT_NAME = "swarm";
    /** The default datacenter every node stands for when none are named. */
    public static final String DEFAULT_DATACENTER = "dc1";
    /** The port each node's engine answers the Docker API on (plain TCP, on the cluster network only). */
    public static final int ENGINE_PORT = 2375;
    /** Swarm's cluster management port, where managers listen and the others join. */
    public static final int SWARM_PORT = 2377;
    /** The most nodes one cluster may have: each idle node holds tens of MiB, and this is one machine. */
    public static final int MAX_NODES = 16;
    /** Where cluster networks are carved from, one /24 each. */
    public static final Subnet POOL = Subnet.parse("172.29.0.0/16").orElseThrow();
    /** Node N is at this offset plus N in its subnet (.1 is the gateway). */
    static final int FIRST_HOST = 10;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,23}");

    public ClusterPlan {
        nodes = List.copyOf(nodes);
    }

    /** What was asked: {@code --nodes}, {@code --managers} (empty: 3 when there are 3 nodes or more, else 1), and so on. */
    public record Request(String name, int nodes, java.util.OptionalInt managers, List<String> datacenters) {
        public Request {
            datacenters = List.copyOf(datacenters);
        }
    }

    /** The plan of a request, or {@link ClusterException} listing everything wrong with it. */
    public static ClusterPlan of(Request request, Collection<Subnet> taken) {
        var problems = new ArrayList<String>();
        if (!NAME.matcher(request.name()).matches()) {
            problems.add("cluster name '" + request.name() + "': expected a lower-case letter, then up to 23 lower-case"
                    + " letters, digits or '-'");
        }
        if (request.nodes() < 1 || request.nodes() > MAX_NODES) {
            problems.add("--nodes " + request.nodes() + ": expected 1 to " + MAX_NODES);
        }
        int managers = request.managers().orElse(request.nodes() >= 3 ? 3 : 1);
        if (managers < 1 || managers > Math.max(request.nodes(), 1)) {
            problems.add("--managers " + managers + ": expected 1 to the number of nodes (" + request.nodes() + ")");
        }
        var datacenters = request.datacenters().isEmpty() ? List.of(DEFAULT_DATACENTER) : request.datacenters();
        for (String dc : datacenters) {
            if (!NAME.matcher(dc).matches()) {
                problems.add("--datacenters: '" + dc + "': expected a lower-case letter, then lower-case letters,"
                        + " digits or '-'");
            }
        }
        if (datacenters.stream().distinct().count() != datacenters.size()) {
            problems.add("--datacenters " + String.join(",", datacenters) + ": a datacenter is named twice");
        }
        if (datacenters.size() > request.nodes() && request.nodes() >= 1) {
            problems.add("--datacenters: " + datacenters.size() + " datacenters for " + request.nodes()
                    + " nodes; each datacenter needs a node");
        }
        if (!problems.isEmpty()) {
            throw new ClusterException(problems);
        }
        var subnet = Subnet.firstFree(POOL, taken).orElseThrow(() -> new ClusterException(List.of(
                "no free /24 left in " + POOL + " for the cluster network: remove a cluster (scaler cluster down)")));
        var nodes = new ArrayList<NodePlan>();
        for (int i = 1; i <= request.nodes(); i++) {
            // Managers first, datacenters round robin: each datacenter gets nodes, and the managers spread over them.
            nodes.add(new NodePlan(request.name(), i, nodeName(request.name(), i), subnet.host(FIRST_HOST + i),
                    i <= managers ? NodeRole.MANAGER : NodeRole.WORKER, datacenters.get((i - 1) % datacenters.size())));
        }
        return new ClusterPlan(request.name(), network(request.name()), subnet, nodes);
    }

    /** The name of node {@code index} of cluster {@code cluster}: also its hostname, Swarm node name and cgroup. */
    public static String nodeName(String cluster, int index) {
        return cluster + "-node-" + index;
    }

    /** The cluster network's name. */
    public static String network(String cluster) {
        return "scaler-cluster-" + cluster;
    }

    /** True when {@code dir} is the name a node of {@code cluster} has (so its cgroup directories are the cluster's). */
    public static boolean isNodeName(String cluster, String dir) {
        return dir.matches(Pattern.quote(cluster + "-node-") + "[1-9][0-9]*");
    }

    /** The managers, first the one that initialises the swarm. */
    public List<NodePlan> managers() {
        return nodes.stream().filter(n -> n.role() == NodeRole.MANAGER).toList();
    }

    /** The workers. */
    public List<NodePlan> workers() {
        return nodes.stream().filter(n -> n.role() == NodeRole.WORKER).toList();
    }

    /** The labels of the cluster network. */
    public Map<String, String> networkLabels() {
        return Map.of(ClusterLabels.CLUSTER, name);
    }
}
