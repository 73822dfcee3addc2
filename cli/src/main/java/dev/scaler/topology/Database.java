package dev.scaler.topology;

/** A SQL primary with replicas. */
public record Database(DatabaseKind kind, int replicas, Replication replication, FailoverMode failover,
        ReadsFrom readsFrom) {
}
