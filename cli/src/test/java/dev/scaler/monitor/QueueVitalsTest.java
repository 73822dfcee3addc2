package dev.scaler.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A queue node's reading as vital signs: the leader carries the jobs queue, every node its memory and alarms. */
class QueueVitalsTest {
    private static Target node(int i) {
        return new Target("p-queue-" + i, "queue", "node", "scaler/rabbitmq:offline", "running", "healthy",
                Optional.of("10.0.0." + i));
    }

    private static Reading.Queue reading(int i, boolean memoryAlarm) {
        return new Reading.Queue("rabbit@p-queue-" + i, 90_000_000, memoryAlarm, false, Optional.of("rabbit@p-queue-2"),
                120, 8, 4, 50.0, 42.5, 41.0);
    }

    @Test
    void theLeaderCarriesTheQueueOnceAndEveryNodeItsMemory() {
        Vitals leader = Derive.vitals(node(2), reading(2, false), Optional.empty(), 1);
        Vitals member = Derive.vitals(node(1), reading(1, false), Optional.empty(), 1);
        assertThat(leader.role()).isEqualTo("leader");
        assertThat(leader.queue()).contains(new Vitals.JobsQueue(120, 8, 4, 50.0, 42.5, 41.0));
        assertThat(member.role()).isEqualTo("member");
        assertThat(member.queue()).isEmpty();
        assertThat(member.memoryBytes()).hasValue(90_000_000);
        assertThat(member.answered()).isTrue();
        var rows = VitalsTable.rows(new Snapshot(0, 0, List.of(leader, member)));
        assertThat(rows.get(1).get(rows.get(1).size() - 1))
                .isEqualTo("jobs: 120 ready, 8 unacked, 4 consumers, in 50.0/s out 42.5/s ack 41.0/s; memory 90 MB");
        assertThat(rows.get(2).get(rows.get(2).size() - 1)).isEqualTo("memory 90 MB");
    }

    @Test
    void aMemoryAlarmIsWhatIsWrongWithTheNode() {
        Vitals v = Derive.vitals(node(3), reading(3, true), Optional.empty(), 1);
        assertThat(v.silent()).isTrue();
        assertThat(v.status()).isEqualTo("memory alarm: publishers are blocked");
        assertThat(VitalsTable.alarming(v)).isTrue();
    }

    @Test
    void beforeTheQueueExistsANodeIsJustANode() {
        var r = new Reading.Queue("rabbit@p-queue-1", 1, false, false, Optional.empty(), 0, 0, 0, 0, 0, 0);
        Vitals v = Derive.vitals(node(1), r, Optional.empty(), 1);
        assertThat(v.role()).isEqualTo("node");
        assertThat(v.queue()).isEmpty();
    }
}
