package dev.scaler.topology;

/** How a shard key maps to a shard. */
public enum ShardStrategy {
    HASH, RANGE;

    /** The spelling users write in YAML. */
    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
