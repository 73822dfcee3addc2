package dev.scaler.swarm;

import java.util.Optional;

/** A node of the swarm as placement sees it: its hostname and the datacenter its node label names, if any. */
public record SwarmNode(String hostname, Optional<String> datacenter) {
}
