package dev.scaler.report;

import dev.scaler.load.Verification;
import dev.scaler.load.Window;
import java.util.List;

/** A stored run as the analysis needs it: what was asked, what happened when, and what was measured. */
public record Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification) {
    public Run {
        events = List.copyOf(events);
        windows = List.copyOf(windows);
    }
}
