package dev.scaler.report;

import java.util.List;

/**
 * A run's verdict, from its timeline and its hypothesis lines: the steady state was not met before the first fault
 * (nothing was injected), an abort line tripped (every fault was rolled back at once), a hypothesis line failed,
 * every line held, or there was nothing to judge. The first that applies wins.
 */
public enum Verdict {
    PASSED("passed"),
    DEVIATED("deviated"),
    ABORTED("aborted"),
    FAILED_PRECONDITION("failed-precondition"),
    /** No hypothesis line, no guardrail tripped: measured, not judged. */
    NONE("none");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** As JSON and every report show it. */
    public String text() {
        return text;
    }

    public static Verdict of(List<Event> events, List<Report.Check> checks) {
        if (events.stream().anyMatch(e -> e.type().equals(Event.STEADY_STATE) && e.action().equals(Event.NOT_MET))) {
            return FAILED_PRECONDITION;
        }
        if (events.stream().anyMatch(e -> e.type().equals(Event.ABORT))) {
            return ABORTED;
        }
        if (checks.isEmpty()) {
            return NONE;
        }
        return checks.stream().allMatch(Report.Check::passed) ? PASSED : DEVIATED;
    }

    /** The verdict written in a report ({@link #text()}). */
    public static Verdict parse(String text) {
        for (Verdict v : values()) {
            if (v.text.equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + text + "'");
    }
}
