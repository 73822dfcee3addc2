package dev.scaler.report;

import dev.scaler.load.Verification;
import dev.scaler.load.Window;
import dev.scaler.monitor.Snapshot;
import java.util.List;

/**
 * A stored run as the analysis needs it: what was asked, what happened when, what was measured, and the vital signs
 * sampled during it (empty when none were).
 */
public record Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification,
        List<Snapshot> samples) {
    public Run {
        events = List.copyOf(events);
        windows = List.copyOf(windows);
        samples = List.copyOf(samples);
    }

    /** A run without samples. */
    public Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification) {
        this(info, events, windows, verification, List.of());
    }
}
