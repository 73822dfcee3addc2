package dev.scaler.chaos;

import java.util.List;

/**
 * An action on a whole cluster node (a Docker-in-Docker machine of `scaler cluster up`), through the host's engine or
 * Swarm; every one is journaled before it is applied and undone at the rollback.
 */
public sealed interface NodeAction extends Action {

    /** The node, as written. */
    NodeTarget target();

    /** Every key, in the order messages list them. */
    List<String> KEYS = List.of("kill-node", "stop-node", "pause-node", "partition-node", "drain-node");

    /** The action a key names, on a target. */
    static NodeAction of(String key, NodeTarget target) {
        return switch (key) {
            case "kill-node" -> new KillNode(target);
            case "stop-node" -> new StopNode(target);
            case "pause-node" -> new PauseNode(target);
            case "partition-node" -> new PartitionNode(target);
            case "drain-node" -> new DrainNode(target);
            default -> throw new IllegalArgumentException("no node action " + key + " (one of " + KEYS + ")");
        };
    }

    /** SIGKILL to the node container: the machine loses power. Rollback starts it again. */
    record KillNode(NodeTarget target) implements NodeAction {
        @Override
        public String keyword() {
            return "kill-node";
        }
    }

    /** A graceful stop of the node: its engine shuts down. Rollback starts it again. */
    record StopNode(NodeTarget target) implements NodeAction {
        @Override
        public String keyword() {
            return "stop-node";
        }
    }

    /** Freezes the node and everything on it: a hung machine. Rollback thaws it. */
    record PauseNode(NodeTarget target) implements NodeAction {
        @Override
        public String keyword() {
            return "pause-node";
        }
    }

    /** Cuts the node off the cluster network. Rollback puts it back at its fixed address. */
    record PartitionNode(NodeTarget target) implements NodeAction {
        @Override
        public String keyword() {
            return "partition-node";
        }
    }

    /** Swarm availability drain: its tasks move elsewhere, as for maintenance. Rollback sets it active. */
    record DrainNode(NodeTarget target) implements NodeAction {
        @Override
        public String keyword() {
            return "drain-node";
        }
    }
}
