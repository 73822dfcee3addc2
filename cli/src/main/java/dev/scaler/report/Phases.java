package dev.scaler.report;

import java.util.List;

/**
 * The three phases of a run from its timeline: baseline before the first fault; fault from the first fault to the
 * last heal/restore (to the end of the run when nothing was healed); recovery after that. A one-second window
 * belongs to the fault phase when it overlaps it at all, so a window holding a fault's first moments counts as fault.
 */
public record Phases(double runEnd, Double faultStart, Double faultEnd) {
    public static final String WHOLE = "whole";
    public static final String BASELINE = "baseline";
    public static final String FAULT = "fault";
    public static final String RECOVERY = "recovery";

    public static Phases of(List<Event> events, double runEnd) {
        Double first = null;
        Double lastHeal = null;
        for (Event e : events) {
            if (e.injects() && (first == null || e.t() < first)) {
                first = e.t();
            }
        }
        if (first == null) {
            return new Phases(runEnd, null, null);
        }
        for (Event e : events) {
            if (e.heals() && e.t() >= first && (lastHeal == null || e.t() > lastHeal)) {
                lastHeal = e.t();
            }
        }
        return new Phases(runEnd, first, lastHeal == null ? Math.max(first, runEnd) : lastHeal);
    }

    /** The phase of window [second, second + 1). */
    public String of(int second) {
        if (faultStart == null || second + 1 <= faultStart) {
            return BASELINE;
        }
        if (second < faultEnd || (faultEnd.equals(faultStart) && second <= faultStart)) {
            return FAULT;
        }
        return RECOVERY;
    }

    /** Start and end (seconds) of a phase as the timeline says, for display. */
    public double from(String phase) {
        return switch (phase) {
            case BASELINE, WHOLE -> 0;
            case FAULT -> faultStart == null ? runEnd : faultStart;
            default -> faultEnd == null ? runEnd : faultEnd;
        };
    }

    public double to(String phase) {
        return switch (phase) {
            case BASELINE -> faultStart == null ? runEnd : faultStart;
            case FAULT -> faultEnd == null ? runEnd : faultEnd;
            default -> runEnd;
        };
    }
}
