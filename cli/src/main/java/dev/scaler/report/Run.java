package dev.scaler.report;

import dev.scaler.load.Verification;
import dev.scaler.load.Window;
import dev.scaler.monitor.Snapshot;
import java.util.List;

/**
 * A stored run as the analysis needs it: what was asked, what happened when, what was measured, and the vital signs
 * sampled during it (empty when none were), and the windows per home datacenter (empty unless users were kept at
 * home: one entry point per datacenter).
 */
public record Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification,
        List<Snapshot> samples, java.util.Map<String, List<Window>> homes) {
    public Run {
        events = List.copyOf(events);
        windows = List.copyOf(windows);
        samples = List.copyOf(samples);
        var copy = new java.util.LinkedHashMap<String, List<Window>>();
        homes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        homes = java.util.Collections.unmodifiableMap(copy);
    }

    /** A run without homes. */
    public Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification,
            List<Snapshot> samples) {
        this(info, events, windows, verification, samples, java.util.Map.of());
    }

    /** A run without samples. */
    public Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification) {
        this(info, events, windows, verification, List.of());
    }
}
