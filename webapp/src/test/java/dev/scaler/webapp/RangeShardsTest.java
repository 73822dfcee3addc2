package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RangeShardsTest {

    @Test
    void twoShardsSplitTheAlphabetAtI() {
        ShardRouter range = new RangeShards(2);

        assertThat(range.shardOf("0day")).isZero();
        assertThat(range.shardOf("9lives")).isZero();
        assertThat(range.shardOf("alice")).isZero();
        assertThat(range.shardOf("henry")).isZero();
        assertThat(range.shardOf("ivan")).isEqualTo(1);
        assertThat(range.shardOf("zoe")).isEqualTo(1);
    }

    @Test
    void upperCaseCountsAsLowerCase() {
        ShardRouter range = new RangeShards(3);

        assertThat(range.shardOf("Zoe")).isEqualTo(range.shardOf("zoe")).isEqualTo(2);
        assertThat(range.shardOf("Mallory")).isEqualTo(range.shardOf("mallory"));
    }

    @Test
    void otherFirstCharactersGoToTheFirstShard() {
        ShardRouter range = new RangeShards(4);

        assertThat(range.shardOf("_bot")).isZero();
        assertThat(range.shardOf("@team")).isZero();
        assertThat(range.shardOf(".hidden")).isZero();
        assertThat(range.shardOf("-dash")).isZero();
    }

    @Test
    void shardsOwnContiguousRunsInAlphabetOrderCoveringAll() {
        for (int shards = 1; shards <= RangeShards.ALPHABET.length(); shards++) {
            ShardRouter range = new RangeShards(shards);
            int previous = 0;
            int[] perShard = new int[shards];
            for (char c : RangeShards.ALPHABET.toCharArray()) {
                int shard = range.shardOf(c + "user");
                assertThat(shard).as("never goes back: contiguous ranges").isBetween(previous, previous + 1);
                previous = shard;
                perShard[shard]++;
            }
            assertThat(previous).as("the last character is on the last shard").isEqualTo(shards - 1);
            int even = RangeShards.ALPHABET.length() / shards;
            for (int count : perShard) {
                assertThat(count).as("%d shards", shards).isBetween(even, even + 1);
            }
        }
    }

    @Test
    void moreShardsThanCharactersIsRefused() {
        assertThatThrownBy(() -> new RangeShards(37)).isInstanceOf(IllegalArgumentException.class);
    }
}
