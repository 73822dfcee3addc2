package dev.scaler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void keepsATenthFreeAndCountsWhatEveryReplicaUsesNow() {
        // 10 GiB machine: 9216 MiB usable, 2048 used, 100 MiB a replica: 71 more fit.
        var budget = new MemoryBudget(10240 * MIB, 2048 * MIB, 100 * MIB);
        assertThat(budget.fits()).isEqualTo(71);
        assertThat(budget.refusal(71)).isEmpty();
        assertThat(budget.refusal(72)).hasValueSatisfying(why -> assertThat(why)
                .contains("72 more web replicas need about 7200 MiB (100 MiB each")
                .contains("engine has 10240 MiB of which containers use 2048 MiB and 1024 MiB is kept free")
                .contains("at most 71 more fit"));
    }

    @Test
    void aFullMachineFitsNoneAndAnUnmeasuredReplicaIsNotRefused() {
        assertThat(new MemoryBudget(1024 * MIB, 1000 * MIB, 60 * MIB).refusal(1)).isPresent();
        assertThat(new MemoryBudget(1024 * MIB, 1000 * MIB, 60 * MIB).fits()).isZero();
        assertThat(new MemoryBudget(1024 * MIB, 0, 0).refusal(64)).isEmpty();
    }
}
