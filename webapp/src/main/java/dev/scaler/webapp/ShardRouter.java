package dev.scaler.webapp;

/** Maps a shard key (the user name) to a shard index in SCALER_SHARD_URLS order. A pure function: no state, no I/O. */
@FunctionalInterface
interface ShardRouter {
    /** 0 .. shards-1; the same answer for the same key in every process, across restarts. */
    int shardOf(String key);
}
