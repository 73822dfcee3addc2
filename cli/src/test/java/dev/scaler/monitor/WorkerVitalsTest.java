package dev.scaler.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A worker's reading as vital signs, the queue's and the workers' tier signals, and a worker's line in `top`. */
class WorkerVitalsTest {
    private static Target worker(int i, String image) {
        return new Target("p-worker-" + i, "workers", "worker", image, "running", "healthy",
                Optional.of("10.0.1." + i));
    }

    private static final Target REFERENCE = worker(1, "scaler/webapp:offline");

    private static Reading.Worker reading(double done, List<Reading.Bucket> duration, double inFlight) {
        return new Reading.Worker(Map.of("done", done, "already_done", 5.0, "requeued", 1.0), duration, inFlight);
    }

    private static Vitals queueNode(int i, boolean leads) {
        return Derive.vitals(new Target("p-queue-" + i, "queue", "node", "scaler/rabbitmq:offline", "running",
                "healthy", Optional.of("10.0.0." + i)), new Reading.Queue("rabbit@p-queue-" + i, 90_000_000, false,
                false, Optional.of("rabbit@p-queue-" + (leads ? i : 9)), 120, 8, 4, 50, 42.5, 41), Optional.empty(), 1);
    }

    @Test
    void jobsDonePerSecondAndTheP99AreOverTheIntervalAndJobsInHandAsRead() {
        var before = reading(100, DeriveTest.buckets(10, 10, 10, 10), 2);
        var now = reading(184, DeriveTest.buckets(100, 110, 110, 110), 4);
        Vitals v = Derive.vitals(REFERENCE, now, Optional.of(before), 2.0);
        assertThat(v.status()).isEqualTo(Vitals.OK);
        assertThat(v.jobsPerSecond()).as("(184 - 100) / 2; redeliveries and requeues are not done").hasValue(42);
        assertThat(v.p99Ms().getAsDouble()).isCloseTo(91, within(1e-6));
        assertThat(v.jobsInHand()).hasValue(4);
        assertThat(v.requestsPerSecond()).as("a job is not a request").isEmpty();

        Vitals first = Derive.vitals(REFERENCE, now, Optional.empty(), 0);
        assertThat(first.jobsPerSecond()).as("one reading gives no rate").isEmpty();
        assertThat(first.p99Ms()).isEmpty();
        assertThat(first.jobsInHand()).as("a gauge needs only one").hasValue(4);
    }

    @Test
    void aRestartedWorkerCountsFromZeroNeverBackwards() {
        var before = reading(500, DeriveTest.buckets(50, 60, 60, 60), 3);
        var now = reading(30, DeriveTest.buckets(1, 1, 1, 1), 0);
        Vitals v = Derive.vitals(REFERENCE, now, Optional.of(before), 2.0);
        assertThat(v.jobsPerSecond()).as("30 jobs since the restart, over 2 s").hasValue(15);
        assertThat(v.p99Ms().getAsDouble()).as("the new histogram alone").isCloseTo(9.9, within(1e-6));
    }

    @Test
    void aWorkersLineSaysHowItsJobsGo() {
        Vitals v = Derive.vitals(REFERENCE, reading(184, DeriveTest.buckets(100, 110, 110, 110), 4),
                Optional.of(reading(100, DeriveTest.buckets(10, 10, 10, 10), 2)), 2.0);
        Vitals first = Derive.vitals(worker(2, "scaler/webapp:offline"), reading(7, DeriveTest.buckets(7, 7, 7, 7), 1),
                Optional.empty(), 0);
        var rows = VitalsTable.rows(new Snapshot(0, 3, List.of(v, first)));
        assertThat(rows.get(1)).startsWith("p-worker-1", "workers", "worker", "healthy", "-", "-", "91ms");
        assertThat(rows.get(1).getLast()).isEqualTo("jobs: 42.0/s done, p99 91.0 ms, 4 in hand");
        assertThat(rows.get(2).getLast()).as("no rate before a second reading")
                .isEqualTo("jobs: - done, p99 -, 1 in hand");
        assertThat(VitalsTable.alarming(v)).isFalse();
    }

    @Test
    void theQueueCountsOnceAndTheWorkersAddUp() {
        Vitals fast = Derive.vitals(REFERENCE, reading(184, DeriveTest.buckets(100, 110, 110, 110), 4),
                Optional.of(reading(100, DeriveTest.buckets(10, 10, 10, 10), 2)), 2.0);
        Vitals slow = Derive.vitals(worker(2, "scaler/webapp:offline"),
                reading(30, DeriveTest.buckets(0, 0, 10, 10), 6),
                Optional.of(reading(10, DeriveTest.buckets(0, 0, 0, 0), 6)), 2.0);
        Vitals gone = Derive.vitals(worker(3, "scaler/webapp:offline"), new Reading.Silent("exited"), Optional.empty(),
                0);
        Vitals users = Derive.vitals(worker(4, "acme/worker:1"), new Reading.Unwatched(), Optional.empty(), 0);
        var sample = List.of(queueNode(1, false), queueNode(2, true), queueNode(3, false), fast, slow, gone, users);

        assertThat(Signal.QUEUE_READY.of(sample)).as("from the leader alone").hasValue(120);
        assertThat(Signal.QUEUE_UNACKED.of(sample)).hasValue(8);
        assertThat(Signal.QUEUE_CONSUMERS.of(sample)).hasValue(4);
        assertThat(Signal.WORKERS_ANSWERING.of(sample)).as("not the exited one; a user's image runs, unread")
                .hasValue(3);
        assertThat(Signal.WORKER_JOBS.of(sample)).as("42/s + 10/s").hasValue(52);
        assertThat(Signal.WORKER_P99.of(sample).getAsDouble()).as("the slowest worker's: 10 jobs in (0.1, 1]")
                .isCloseTo(991, within(1e-6));

        var noLeader = List.of(queueNode(1, false), queueNode(3, false));
        assertThat(Signal.QUEUE_READY.of(noLeader)).as("no node leads the queue (yet)").isEmpty();
        assertThat(Signal.WORKERS_ANSWERING.of(noLeader)).as("no workers tier").isEmpty();
    }
}
