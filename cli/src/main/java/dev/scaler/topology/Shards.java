package dev.scaler.topology;

/** Shard groups, each its own primary with replicas, of the same kind as the database. */
public record Shards(int count, int replicas, String key, ShardStrategy strategy) {
}
