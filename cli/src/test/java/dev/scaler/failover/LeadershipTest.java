package dev.scaler.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadershipTest {
    private static final Set<String> ME = Set.of("10.0.1.9");

    @Test
    void whenNoneActsTheLowestAddressOfAMajorityActsAfterTwoRounds() {
        var l = new Leadership(3);
        var all = Map.of("10.0.1.12", false, "10.0.1.9", false, "10.0.1.10", false);
        assertThat(l.round(all, ME)).as("the one once: not yet").isFalse();
        assertThat(l.round(all, ME)).isTrue();
        var other = new Leadership(3);
        assertThat(other.round(all, Set.of("10.0.1.10"))).isFalse();
        assertThat(other.round(all, Set.of("10.0.1.10"))).as("9 < 10 numerically, not by text").isFalse();
    }

    @Test
    void aMinorityStandsByWhateverItsAddressAndEvenIfItActed() {
        var l = new Leadership(3);
        var all = Map.of("10.0.1.9", false, "10.0.1.30", false);
        l.round(all, ME);
        assertThat(l.round(all, ME)).as("two of three").isTrue();
        assertThat(l.round(Map.of("10.0.1.9", true), ME)).as("cut off alone").isFalse();
        assertThat(new Leadership(4).round(all, ME)).as("two of four").isFalse();
    }

    @Test
    void anAgentThatComesBackDoesNotTakeOverFromTheOneThatActs() {
        var back = new Leadership(3);
        var others = Map.of("10.0.1.2", false, "10.0.1.20", true, "10.0.1.30", false);
        for (int i = 0; i < 5; i++) {
            assertThat(back.round(others, Set.of("10.0.1.2"))).as("lowest, but 10.0.1.20 acts").isFalse();
        }
        var actor = new Leadership(3);
        var before = Map.of("10.0.1.20", false, "10.0.1.30", false);
        actor.round(before, Set.of("10.0.1.20"));
        assertThat(actor.round(before, Set.of("10.0.1.20"))).isTrue();
        assertThat(actor.round(Map.of("10.0.1.2", false, "10.0.1.20", true, "10.0.1.30", false), Set.of("10.0.1.20")))
                .as("it keeps acting when a lower address returns").isTrue();
    }

    @Test
    void whenTheActorDiesTheNextLowestTakesOver() {
        var l = new Leadership(3);
        var with = Map.of("10.0.1.5", true, "10.0.1.9", false, "10.0.1.30", false);
        assertThat(l.round(with, ME)).isFalse();
        var without = Map.of("10.0.1.9", false, "10.0.1.30", false);
        assertThat(l.round(without, ME)).isFalse();
        assertThat(l.round(without, ME)).isTrue();
    }

    @Test
    void aSingleAgentAlwaysActs() {
        assertThat(new Leadership(1).round(Map.of(), ME)).isTrue();
        assertThat(Leadership.majority(1)).isEqualTo(1);
        assertThat(Leadership.majority(2)).isEqualTo(2);
        assertThat(Leadership.majority(3)).isEqualTo(2);
    }
}
