package dev.scaler.load;

import java.util.List;

/**
 * The job ledger of a run, verified at its end. {@code submitted}: POST /jobs sent; {@code confirmed}: answered 202;
 * {@code done}: confirmed and finished by a worker; {@code lost}: confirmed and never done; {@code duplicates}: done
 * more than once; {@code late}: done after the deadline, or not done at all. Latencies are milliseconds from
 * submission to the result; the backlog is the confirmed jobs not done yet, its peak and when it was reached (seconds
 * into the run), and how long after that it took to fall to a tenth of the peak ({@code backlogDrainSeconds}; -1 when
 * it never did). Zero everywhere in a run without the job journey.
 */
public record JobFigures(long submitted, long confirmed, long done, long lost, long duplicates, long late,
        double deadlineSeconds, long latencyCount, double latencyP50, double latencyP90, double latencyP99,
        double latencyP999, double latencyMax,
        long backlogPeak, double backlogPeakAt, double backlogDrainSeconds, List<String> lostJobs) {

    public static final JobFigures NONE = new JobFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());

    public JobFigures {
        lostJobs = lostJobs == null ? List.of() : List.copyOf(lostJobs);
    }

    /** True when the run sent jobs at all. */
    public boolean any() {
        return submitted > 0;
    }

    /** True when the backlog fell to a tenth of its peak before the run ended. */
    public boolean drained() {
        return backlogDrainSeconds >= 0;
    }
}
