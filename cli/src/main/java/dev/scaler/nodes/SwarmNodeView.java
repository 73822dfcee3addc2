package dev.scaler.nodes;

import com.github.dockerjava.api.model.SwarmNode;

/** A swarm node as a manager sees it: {@code state} ready/down/unknown, {@code availability} active/pause/drain. */
public record SwarmNodeView(String id, String hostname, String role, String availability, String state,
        boolean leader, String reachability) {

    /** Swarm's node as this record. */
    public static SwarmNodeView of(SwarmNode n) {
        String hostname = n.getDescription() == null ? n.getId() : n.getDescription().getHostname();
        var spec = n.getSpec();
        String role = spec == null || spec.getRole() == null ? "" : spec.getRole().name().toLowerCase();
        String availability = spec == null || spec.getAvailability() == null ? ""
                : spec.getAvailability().name().toLowerCase();
        String state = n.getStatus() == null || n.getStatus().getState() == null ? ""
                : n.getStatus().getState().name().toLowerCase();
        var manager = n.getManagerStatus();
        boolean leader = manager != null && Boolean.TRUE.equals(manager.isLeader());
        String reachability = manager == null || manager.getReachability() == null ? ""
                : manager.getReachability().name().toLowerCase();
        return new SwarmNodeView(n.getId(), hostname, role, availability, state, leader, reachability);
    }

    /** True when Swarm counts the node as up. */
    public boolean ready() {
        return state.equals("ready");
    }
}
