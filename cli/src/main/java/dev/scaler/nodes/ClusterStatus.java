package dev.scaler.nodes;

import com.github.dockerjava.api.exception.DockerException;
import dev.scaler.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a cluster is now: each node container, Swarm's view of it (from a manager that answers) and its tasks. */
public final class ClusterStatus {
    private ClusterStatus() {
    }

    /** One node: the container on this machine, and Swarm's view of it when a manager answered. */
    public record Node(NodeContainer container, Optional<SwarmNodeView> swarm, List<String> tasks) {
        public Node {
            tasks = List.copyOf(tasks);
        }
    }

    /** The nodes, and which manager answered (empty when none did). */
    public record View(String cluster, List<Node> nodes, Optional<String> answeredBy) {
        public View {
            nodes = List.copyOf(nodes);
        }
    }

    /** Asks the host for the node containers and the first manager that answers for the rest. */
    public static View of(NodeHost host, String cluster) {
        var containers = host.nodes(Optional.of(cluster));
        for (var candidate : containers) {
            if (!candidate.running() || !candidate.role().equals("manager")) {
                continue;
            }
            try (var manager = SwarmEngine.at(candidate.address())) {
                var swarm = manager.nodes();
                Map<String, List<String>> tasks = manager.runningTasks();
                var nodes = new ArrayList<Node>();
                for (var c : containers) {
                    var view = swarm.stream().filter(s -> s.hostname().equals(c.name())).findFirst();
                    nodes.add(new Node(c, view, view.map(v -> tasks.getOrDefault(v.id(), List.of())).orElse(List.of())));
                }
                return new View(cluster, nodes, Optional.of(candidate.name()));
            } catch (EngineException | DockerException e) {
                // Down, cut off, or not a manager any more: ask the next one.
            }
        }
        return new View(cluster, containers.stream().map(c -> new Node(c, Optional.empty(), List.of())).toList(),
                Optional.empty());
    }
}
