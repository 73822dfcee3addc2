package dev.scaler.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The job ledger's figures, each with a run that must show it (the negative controls) and one that must not. */
class JobLedgerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static JobOutcome done(String id, double at, double latency) {
        return new JobOutcome(id, at, 1, OptionalDouble.of(latency));
    }

    @Test
    void aCleanRunHasNothingLostDuplicatedOrLate() {
        var f = JobLedger.verify(4, List.of(done("a", 0, 0.02), done("b", 1, 0.04), done("c", 2, 0.03)), DEADLINE);

        assertThat(f.submitted()).isEqualTo(4);
        assertThat(f.confirmed()).isEqualTo(3);
        assertThat(f.done()).isEqualTo(3);
        assertThat(f.lost()).isZero();
        assertThat(f.duplicates()).isZero();
        assertThat(f.late()).isZero();
        assertThat(f.latencyCount()).isEqualTo(3);
        assertThat(f.latencyMax()).isCloseTo(40, org.assertj.core.data.Offset.offset(0.1));
        assertThat(f.latencyP50()).isCloseTo(30, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void aConfirmedJobNeverDoneIsLost() {
        var f = JobLedger.verify(2, List.of(done("a", 0, 0.02), JobOutcome.pending("z", 1)), DEADLINE);

        assertThat(f.lost()).isEqualTo(1);
        assertThat(f.lostJobs()).containsExactly("z");
        assertThat(f.done()).isEqualTo(1);
        assertThat(f.late()).isEqualTo(1);
    }

    @Test
    void aJobDoneTwiceIsADuplicate() {
        var f = JobLedger.verify(2, List.of(done("a", 0, 0.02), new JobOutcome("b", 1, 2, OptionalDouble.of(0.05))), DEADLINE);

        assertThat(f.duplicates()).isEqualTo(1);
        assertThat(f.done()).isEqualTo(2);
        assertThat(f.lost()).isZero();
    }

    @Test
    void aJobDonePastTheDeadlineIsLate() {
        var f = JobLedger.verify(2, List.of(done("a", 0, 10.5), done("b", 1, 9.9)), DEADLINE);

        assertThat(f.late()).isEqualTo(1);
        assertThat(f.lost()).isZero();
        assertThat(f.latencyMax()).isCloseTo(10_500, org.assertj.core.data.Offset.offset(10.0));
    }

    @Test
    void theBacklogPeaksWhileNoWorkerTakesJobsAndDrainsAfterwards() {
        // 10 jobs/s for 20 s; no worker from second 5 to 10: jobs of that time wait until 10, then go at 20/s.
        List<JobOutcome> jobs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double at = i / 10.0;
            double doneAt = at < 5 ? at + 0.05 : Math.max(at + 0.05, 10 + (i - 50) / 20.0);
            jobs.add(done("j" + i, at, doneAt - at));
        }
        var f = JobLedger.verify(200, jobs, DEADLINE);

        assertThat(f.backlogPeak()).isBetween(50L, 52L);
        assertThat(f.backlogPeakAt()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.2));
        // It drains at 20/s while 10/s keep coming: ~4.5 s to fall to a tenth of the peak.
        assertThat(f.backlogDrainSeconds()).isBetween(4.0, 5.5);
        assertThat(f.drained()).isTrue();
    }

    @Test
    void aBacklogThatNeverFallsHasNotDrained() {
        List<JobOutcome> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(JobOutcome.pending("j" + i, i / 10.0));
        }
        var f = JobLedger.verify(20, jobs, DEADLINE);

        assertThat(f.backlogPeak()).isEqualTo(20);
        assertThat(f.drained()).isFalse();
        assertThat(f.lost()).isEqualTo(20);
    }

    @Test
    void noJobsNoFigures() {
        var f = JobLedger.verify(0, List.of(), DEADLINE);
        assertThat(f.any()).isFalse();
        assertThat(f.backlogPeak()).isZero();
        assertThat(f.latencyCount()).isZero();
    }
}
