package dev.scaler.swarm;

/** A port published in host mode: it answers at the address of the node that runs the task (no routing mesh). */
public record HostPort(int published, int target) {
}
