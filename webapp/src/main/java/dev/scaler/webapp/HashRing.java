package dev.scaler.webapp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Consistent hashing: each shard owns {@code virtualNodes} points on a 64-bit ring, and a key
 * belongs to the first point at or after its own hash (wrapping around). Adding shard N+1 only
 * adds points, so the keys that move are exactly those the new points capture: about 1/(N+1).
 *
 * <p>Points are named {@code shard-<index>#<vnode>}, so a shard is known by its position in
 * SCALER_SHARD_URLS, not by its address: a failover that re-points an address moves no key.
 */
final class HashRing implements ShardRouter {
    // Measured over 10,000 keys and 1..16 shards (the topology's limits): 128 points per shard leave
    // some shard 30% off even (with xxHash64, MD5 or FNV alike: it is the arc lengths that vary);
    // 512 keep every shard within 9%. 16 shards x 512 points is a 130 KB table, built once.
    static final int DEFAULT_VIRTUAL_NODES = 512;

    private final long[] points; // sorted hashes
    private final int[] owners; // owners[i] owns points[i]

    HashRing(int shards, int virtualNodes) {
        if (shards < 1 || virtualNodes < 1) {
            throw new IllegalArgumentException("need at least one shard and one virtual node");
        }
        int size = shards * virtualNodes;
        long[][] pairs = new long[size][];
        for (int shard = 0; shard < shards; shard++) {
            for (int v = 0; v < virtualNodes; v++) {
                pairs[shard * virtualNodes + v] = new long[] {hash64("shard-" + shard + "#" + v), shard};
            }
        }
        // Ties (never seen, but possible in 64 bits) go to the lower shard index, so the ring is deterministic.
        Arrays.sort(pairs, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        points = new long[size];
        owners = new int[size];
        for (int i = 0; i < size; i++) {
            points[i] = pairs[i][0];
            owners[i] = (int) pairs[i][1];
        }
    }

    @Override
    public int shardOf(String key) {
        long h = hash64(key);
        int i = Arrays.binarySearch(points, h);
        if (i < 0) {
            i = -i - 1; // insertion point: the first point above h
        }
        return owners[i == points.length ? 0 : i];
    }

    /** xxHash64 (seed 0) of the UTF-8 bytes. */
    static long hash64(String key) {
        return XxHash64.hash(key.getBytes(StandardCharsets.UTF_8));
    }
}
