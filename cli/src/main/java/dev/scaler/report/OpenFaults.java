package dev.scaler.report;

import java.util.ArrayList;
import java.util.List;

/** The faults of a timeline that are in progress: injected and not yet healed or restored (matched by target). */
public final class OpenFaults {
    private OpenFaults() {
    }

    /** Faults with no later heal or restore of the same target, in the order they were injected. */
    public static List<Event> of(List<Event> events) {
        var open = new ArrayList<Event>();
        for (Event e : events) {
            if (e.injects()) {
                open.add(e);
            } else if (e.heals()) {
                open.removeIf(f -> f.target().equals(e.target()) && f.t() <= e.t());
            }
        }
        return open;
    }
}
