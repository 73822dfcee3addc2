package dev.scaler.topology;

/** Redis for sessions and cache, with optional read replicas and Sentinels. */
public record Cache(String kind, int replicas, int sentinels, String maxMemory, String evictionPolicy) {
}
