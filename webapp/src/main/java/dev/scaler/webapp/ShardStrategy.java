package dev.scaler.webapp;

import java.util.Locale;
import java.util.Optional;

/** How a user name picks its shard; the same words as `shards.strategy` in the topology. */
public enum ShardStrategy {
    /** Consistent hashing with virtual nodes: adding a shard moves about 1/N of the users. */
    HASH,
    /** Contiguous ranges of the user name's first character over [0-9a-z], split evenly in order. */
    RANGE;

    static Optional<ShardStrategy> parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "hash" -> Optional.of(HASH);
            case "range" -> Optional.of(RANGE);
            default -> Optional.empty();
        };
    }

    /** The mapping for {@code shards} shards (at least 1). */
    ShardRouter router(int shards) {
        return switch (this) {
            case HASH -> new HashRing(shards, HashRing.DEFAULT_VIRTUAL_NODES);
            case RANGE -> new RangeShards(shards);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
