package dev.scaler.topology;

/** Redis for sessions and cache, with optional read replicas and Sentinels. */
public record Cache(String kind, int replicas, int sentinels, String maxMemory, String evictionPolicy) {

    /**
     * The cache a topology gets when it keeps sessions in Redis but has no {@code cache:} section, and the
     * defaults of that section: one Redis node, no replicas, no Sentinels, 64mb, allkeys-lru.
     */
    public static Cache defaults() {
        return new Cache("redis", 0, 0, "64mb", "allkeys-lru");
    }
}
