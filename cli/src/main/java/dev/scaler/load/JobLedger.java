package dev.scaler.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The job ledger's arithmetic: pure, so every figure of {@link JobFigures} can be checked by hand. */
public final class JobLedger {
    /** How long a user waits for a job before it counts as late (and the journey stops polling). */
    public static final Duration DEADLINE = Duration.ofSeconds(10);
    /** The backlog has drained when it is down to this share of its peak. */
    static final double DRAINED = 0.1;
    /** Lost job ids kept in the figures; the count is exact. */
    static final int LOST_SHOWN = 100;

    private JobLedger() {
    }

    /** The figures of {@code submitted} submissions whose confirmed ones ended as {@code outcomes}. */
    public static JobFigures verify(long submitted, List<JobOutcome> outcomes, Duration deadline) {
        double deadlineSeconds = deadline.toNanos() / 1e9;
        Histogram latency = Window.newHistogram();
        long done = 0;
        long duplicates = 0;
        long late = 0;
        List<String> lost = new ArrayList<>();
        for (JobOutcome o : outcomes) {
            if (!o.done()) {
                lost.add(o.id());
                late++; // not done by the deadline either
                continue;
            }
            done++;
            if (o.completions() > 1) {
                duplicates++;
            }
            double seconds = o.latencySeconds().orElseThrow();
            if (seconds > deadlineSeconds) {
                late++;
            }
            latency.recordValue(Math.max(0, Math.round(seconds * 1e6)));
        }
        Backlog backlog = backlog(outcomes);
        boolean any = latency.getTotalCount() > 0;
        lost.sort(Comparator.naturalOrder());
        return new JobFigures(submitted, outcomes.size(), done, lost.size(), duplicates, late, deadlineSeconds,
                latency.getTotalCount(), millis(latency, 50), millis(latency, 90), millis(latency, 99), millis(latency, 99.9),
                any ? latency.getMaxValue() / 1000.0 : 0,
                backlog.peak, backlog.peakAt, backlog.drain, lost.subList(0, Math.min(LOST_SHOWN, lost.size())));
    }

    private static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private record Backlog(long peak, double peakAt, double drain) {
    }

    /**
     * The confirmed jobs not done yet, over time: +1 at each submission, -1 at each first result. The peak is the
     * highest count (the first time it is reached); the drain, how long after it the count first falls to a tenth of
     * the peak (rounded down), or -1 when it never does before the last event.
     */
    private static Backlog backlog(List<JobOutcome> outcomes) {
        record Step(double at, int change) {
        }
        List<Step> steps = new ArrayList<>();
        for (JobOutcome o : outcomes) {
            steps.add(new Step(o.submittedAt(), 1));
            o.latencySeconds().ifPresent(l -> steps.add(new Step(o.submittedAt() + l, -1)));
        }
        // At the same instant a result is counted before a submission: a job done at once never piles up.
        steps.sort(Comparator.comparingDouble(Step::at).thenComparingInt(Step::change));
        long now = 0;
        long peak = 0;
        double peakAt = 0;
        for (Step s : steps) {
            now += s.change();
            if (now > peak) {
                peak = now;
                peakAt = s.at();
            }
        }
        if (peak == 0) {
            return new Backlog(0, 0, 0);
        }
        long floor = (long) Math.floor(peak * DRAINED);
        now = 0;
        boolean pastPeak = false;
        for (Step s : steps) {
            now += s.change();
            if (!pastPeak) {
                pastPeak = now == peak && s.at() == peakAt;
                continue;
            }
            if (now <= floor) {
                return new Backlog(peak, peakAt, s.at() - peakAt);
            }
        }
        return new Backlog(peak, peakAt, -1);
    }
}
