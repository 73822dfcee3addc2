package dev.scaler.webapp;

/**
 * Range sharding on the first character of the user name: the 36 characters 0-9a-z, in that
 * order, are cut into {@code shards} contiguous runs as even as integer division allows
 * (2 shards: 0-h and i-z). Upper case counts as lower case; names starting with one of the
 * other allowed characters (_ . @ -) go to shard 0, before '0'.
 */
final class RangeShards implements ShardRouter {
    static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final int shards;

    RangeShards(int shards) {
        if (shards < 1 || shards > ALPHABET.length()) {
            throw new IllegalArgumentException("range sharding supports 1.." + ALPHABET.length() + " shards, got " + shards);
        }
        this.shards = shards;
    }

    @Override
    public int shardOf(String key) {
        int position = key.isEmpty() ? 0 : Math.max(0, ALPHABET.indexOf(Character.toLowerCase(key.charAt(0))));
        return position * shards / ALPHABET.length();
    }
}
