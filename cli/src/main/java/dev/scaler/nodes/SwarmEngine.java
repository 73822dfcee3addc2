package dev.scaler.nodes;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.SwarmSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import dev.scaler.cluster.ClusterPlan;
import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.EngineException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One node's own engine, over its Docker API on the cluster network: joining the swarm and asking it. */
public final class SwarmEngine implements AutoCloseable {
    private final DockerClient docker;
    private final String address;

    private SwarmEngine(DockerClient docker, String address) {
        this.docker = docker;
        this.address = address;
    }

    /** The engine of the node at {@code address}; {@link EngineException} when it does not answer. */
    public static SwarmEngine at(String address) {
        return new SwarmEngine(DockerEngine.client(Optional.of("tcp://" + address + ":" + ClusterPlan.ENGINE_PORT)),
                address);
    }

    /** The node's address. */
    public String address() {
        return address;
    }

    /** Makes this node the first manager of a new swarm, advertised at its fixed address. */
    public void init() {
        docker.initializeSwarmCmd(new SwarmSpec()).withListenAddr("0.0.0.0:" + ClusterPlan.SWARM_PORT)
                .withAdvertiseAddr(address).exec();
    }

    /** The token that joins a node as a manager (true) or a worker. */
    public String joinToken(boolean manager) {
        var tokens = docker.inspectSwarmCmd().exec().getJoinTokens();
        return manager ? tokens.getManager() : tokens.getWorker();
    }

    /** Joins this node to the swarm whose manager is at {@code manager}. */
    public void join(String manager, String token) {
        docker.joinSwarmCmd().withRemoteAddrs(List.of(manager + ":" + ClusterPlan.SWARM_PORT)).withJoinToken(token)
                .withListenAddr("0.0.0.0:" + ClusterPlan.SWARM_PORT).withAdvertiseAddr(address).exec();
    }

    /** The swarm's nodes as this manager sees them. */
    public List<SwarmNodeView> nodes() {
        return docker.listSwarmNodesCmd().exec().stream().map(SwarmNodeView::of).toList();
    }

    /** Sets a node's labels (keeping its role and availability). */
    public void label(String hostname, Map<String, String> labels) {
        updateSpec(hostname, spec -> {
            var merged = new HashMap<String, String>(spec.getLabels() == null ? Map.of() : spec.getLabels());
            merged.putAll(labels);
            return spec.withLabels(merged);
        });
    }

    /** Drain (no tasks) or active: Swarm's availability of a node. */
    public void availability(String hostname, SwarmNodeAvailability availability) {
        updateSpec(hostname, spec -> spec.withAvailability(availability));
    }

    private void updateSpec(String hostname, java.util.function.UnaryOperator<SwarmNodeSpec> change) {
        var node = docker.listSwarmNodesCmd().exec().stream()
                .filter(n -> n.getDescription() != null && hostname.equals(n.getDescription().getHostname()))
                .findFirst().orElseThrow(() -> new EngineException("the swarm has no node " + hostname,
                        "scaler cluster status shows the nodes"));
        try {
            docker.updateSwarmNodeCmd().withSwarmNodeId(node.getId()).withVersion(node.getVersion().getIndex())
                    .withSwarmNodeSpec(change.apply(node.getSpec())).exec();
        } catch (DockerException e) {
            throw new EngineException("cannot update node " + hostname + ": " + DockerEngine.rootMessage(e), "", e);
        }
    }

    /** The tasks that run (or are starting) on each node, by node id, as {@code service.slot}. */
    public Map<String, List<String>> runningTasks() {
        var services = new HashMap<String, String>();
        for (Service s : docker.listServicesCmd().exec()) {
            services.put(s.getId(), s.getSpec() == null ? s.getId() : s.getSpec().getName());
        }
        var out = new HashMap<String, List<String>>();
        for (Task t : docker.listTasksCmd().exec()) {
            TaskState state = t.getStatus() == null ? null : t.getStatus().getState();
            // A down node's tasks keep their last state (running) though Swarm has replaced them: only tasks it
            // still wants running count, or a service would show twice while a node is down.
            if (t.getNodeId() == null || state == null || !live(state) || t.getDesiredState() != TaskState.RUNNING) {
                continue;
            }
            String name = services.getOrDefault(t.getServiceId(), t.getServiceId())
                    + (t.getSlot() == null ? "" : "." + t.getSlot());
            out.computeIfAbsent(t.getNodeId(), k -> new ArrayList<>()).add(name + (state == TaskState.RUNNING ? ""
                    : " (" + state.getValue() + ")"));
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    private static boolean live(TaskState state) {
        return switch (state) {
            case RUNNING, STARTING, PREPARING, ASSIGNED, ACCEPTED, READY -> true;
            default -> false;
        };
    }

    /** The docker-java client (for the image copy's load). */
    DockerClient docker() {
        return docker;
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (java.io.IOException e) {
            // Nothing to release that matters at exit.
        }
    }
}
