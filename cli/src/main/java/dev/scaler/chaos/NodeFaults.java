package dev.scaler.chaos;

import com.github.dockerjava.api.model.SwarmNodeAvailability;
import dev.scaler.cluster.ClusterPlan;
import dev.scaler.engine.EngineException;
import dev.scaler.nodes.NodeContainer;
import dev.scaler.nodes.NodeHost;
import dev.scaler.nodes.SwarmEngine;
import dev.scaler.nodes.SwarmNodeView;
import dev.scaler.plan.Tier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Node actions on one cluster of `scaler cluster up`: resolves a {@link NodeTarget} to a node container, journals
 * the fault before it is applied, applies it through the host's engine (kill, stop, pause, network disconnect) or
 * Swarm (drain), and undoes it.
 */
public final class NodeFaults {
    /** The grace a stopped node's engine gets to shut down. */
    private static final int STOP_SECONDS = 10;

    private final NodeHost host;
    private final String cluster;
    private final RandomGenerator random;

    public NodeFaults(NodeHost host, String cluster, RandomGenerator random) {
        this.host = host;
        this.cluster = cluster;
        this.random = random;
    }

    /**
     * The node a target names now; {@link TargetNotFoundException}-like failure as an {@link EngineException}.
     * {@code runningTier} gives the hostnames of the nodes that run a container of a tier, for
     * {@code node:without:TIER}.
     */
    public NodeContainer resolve(NodeTarget target, Function<Tier, Set<String>> runningTier) {
        var nodes = host.nodes(Optional.of(cluster));
        if (nodes.isEmpty()) {
            throw new EngineException("cluster " + cluster + " has no nodes", "scaler cluster up --nodes 3 makes one");
        }
        return switch (target) {
            case NodeTarget.Numbered n -> nodes.stream().filter(c -> c.index() == n.number()).findFirst()
                    .orElseThrow(() -> new EngineException(n.text() + ": cluster " + cluster + " has " + nodes.size()
                            + " nodes", "number them from node[1] to node[" + nodes.size() + "]"));
            case NodeTarget.InDatacenter d -> {
                var in = nodes.stream().filter(c -> c.datacenter().equals(d.datacenter()) && c.running()).toList();
                if (in.isEmpty()) {
                    throw new EngineException(d.text() + ": no running node of cluster " + cluster + " stands for "
                            + d.datacenter(), "datacenters are given with scaler cluster up --datacenters");
                }
                yield in.get(random.nextInt(in.size()));
            }
            case NodeTarget.Leader l -> leader(nodes);
            case NodeTarget.Without w -> without(w, nodes, runningTier.apply(w.tier()), random, cluster);
        };
    }

    /** One running node, at random, whose hostname is not among those that run the tier. */
    static NodeContainer without(NodeTarget.Without w, List<NodeContainer> nodes, Set<String> busy,
            RandomGenerator random, String cluster) {
        var free = nodes.stream().filter(c -> c.running() && !busy.contains(c.name())).toList();
        if (free.isEmpty()) {
            throw new EngineException(w.text() + ": every running node of cluster " + cluster + " runs "
                    + w.tier().label() + " (" + String.join(", ", new java.util.TreeSet<>(busy)) + ")",
                    "a node without " + w.tier().label() + " needs more nodes than " + w.tier().label()
                            + " has replicas: scaler cluster up --nodes N");
        }
        return free.get(random.nextInt(free.size()));
    }

    private NodeContainer leader(List<NodeContainer> nodes) {
        for (var candidate : nodes) {
            if (!candidate.running() || !candidate.role().equals("manager")) {
                continue;
            }
            try (var manager = SwarmEngine.at(candidate.address())) {
                var lead = manager.nodes().stream().filter(SwarmNodeView::leader).map(SwarmNodeView::hostname)
                        .findFirst();
                if (lead.isPresent()) {
                    return nodes.stream().filter(c -> c.name().equals(lead.get())).findFirst().orElseThrow();
                }
            } catch (RuntimeException e) {
                // Not answering as a manager: ask the next one.
            }
        }
        throw new EngineException("node.leader: no manager of cluster " + cluster + " names a leader",
                "see scaler cluster status " + cluster);
    }

    /** Journals, then applies, {@code action} on {@code node}; returns the fault as journaled. */
    public Fault.OnNode apply(NodeAction action, NodeContainer node, int id, Journal journal) {
        var fault = fault(action, node, id);
        journal.applying(fault);
        inflict(action, fault);
        return fault;
    }

    /** The fault {@code action} on {@code node} is, as the journal records it before it is applied. */
    public Fault.OnNode fault(NodeAction action, NodeContainer node, int id) {
        return new Fault.OnNode(id, action.keyword(), action.target().text() + " = " + node.name(), cluster,
                node.name(), node.id(), ClusterPlan.network(cluster), node.address());
    }

    /** Applies a journaled fault. */
    public void inflict(NodeAction action, Fault.OnNode fault) {
        var node = host.nodes(Optional.of(cluster)).stream().filter(c -> c.id().equals(fault.containerId()))
                .findFirst().orElseThrow(() -> new EngineException(fault.node() + " is gone", ""));
        switch (action) {
            case NodeAction.KillNode k -> host.kill(node.id());
            case NodeAction.StopNode s -> host.stop(node.id(), STOP_SECONDS);
            case NodeAction.PauseNode p -> host.pause(node.id());
            case NodeAction.PartitionNode p -> host.disconnect(node.id(), fault.network());
            case NodeAction.DrainNode d -> withManager(node, m -> m.availability(node.name(),
                    SwarmNodeAvailability.DRAIN));
        }
    }

    /** Undoes a node fault; returns what it did. Throws when it could not. */
    public static String undo(Fault.OnNode fault) {
        try (var host = NodeHost.connect()) {
            var node = host.nodes(Optional.of(fault.cluster())).stream()
                    .filter(c -> c.id().equals(fault.containerId())).findFirst();
            if (node.isEmpty()) {
                return fault.node() + " is gone (cluster down or recreated); nothing to undo";
            }
            switch (fault.action()) {
                case "kill-node", "stop-node" -> {
                    host.start(fault.containerId());
                    return "started " + fault.node();
                }
                case "pause-node" -> {
                    host.unpause(fault.containerId());
                    return "thawed " + fault.node();
                }
                case "partition-node" -> {
                    host.reconnect(fault.containerId(), fault.network(), fault.address());
                    return "reconnected " + fault.node() + " to " + fault.network() + " at " + fault.address();
                }
                case "drain-node" -> {
                    new NodeFaults(host, fault.cluster(), RandomGenerator.getDefault()).withManager(node.get(),
                            m -> m.availability(fault.node(), SwarmNodeAvailability.ACTIVE));
                    return "set " + fault.node() + " active";
                }
                default -> {
                    return "nothing to undo for " + fault.action();
                }
            }
        }
    }

    /**
     * Waits until the cluster is whole again (a leader, every node Ready and active), so that the commands after a
     * run find the swarm as they found it: a partition's rollback left it without a leader for seconds. Returns what
     * was still missing after {@code within}; empty once whole.
     */
    public Optional<String> awaitWhole(java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int wholeInARow = 0;
        while (true) {
            String missing = missing();
            // Twice in a row, a second apart: one manager's view can lag the election that just deposed it.
            wholeInARow = missing.isEmpty() ? wholeInARow + 1 : 0;
            if (wholeInARow == 2) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                return Optional.of(missing.isEmpty() ? "whole only just now" : missing);
            }
            dev.scaler.engine.CancelledException.sleep(java.time.Duration.ofSeconds(1));
        }
    }

    private String missing() {
        var containers = host.nodes(Optional.of(cluster));
        try {
            return onAManager(containers.stream().filter(c -> c.role().equals("manager") && c.running()).toList(),
                    m -> dev.scaler.nodes.ClusterWhole.missing(m.nodes(), containers.size()).orElse(""),
                    "say whether it is whole");
        } catch (EngineException e) {
            return e.getMessage();
        }
    }

    /** Runs {@code change} on a manager that answers (the node itself first when it is one). */
    private void withManager(NodeContainer node, java.util.function.Consumer<SwarmEngine> change) {
        var candidates = new java.util.ArrayList<NodeContainer>();
        if (node.role().equals("manager")) {
            candidates.add(node);
        }
        host.nodes(Optional.of(cluster)).stream().filter(c -> c.role().equals("manager") && c.running()
                && !c.id().equals(node.id())).forEach(candidates::add);
        onAManager(candidates, m -> {
            change.accept(m);
            return null;
        }, "change " + node.name());
    }

    /** What {@code ask} returns from the first of {@code candidates} whose engine answers; throws when none does. */
    private <T> T onAManager(List<NodeContainer> candidates, Function<SwarmEngine, T> ask, String what) {
        RuntimeException last = null;
        for (var candidate : candidates) {
            try (var manager = SwarmEngine.at(candidate.address())) {
                return ask.apply(manager);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new EngineException("no manager of cluster " + cluster + " answered to " + what
                + (last == null ? "" : ": " + last.getMessage()), "see scaler cluster status " + cluster);
    }
}
