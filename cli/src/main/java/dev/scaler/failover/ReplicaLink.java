package dev.scaler.failover;

/** A replica's view of its source: which node, and whether its I/O and SQL threads run. */
public record ReplicaLink(String source, boolean ioRunning, boolean sqlRunning) {
}
