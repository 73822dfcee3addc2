package dev.scaler.report;

import dev.scaler.load.Verification;
import dev.scaler.load.Window;
import dev.scaler.monitor.Snapshot;
import java.util.List;

/**
 * A stored run as the analysis needs it: what was asked, what happened when, what was measured, the vital signs
 * sampled during it (empty when none were) and the requests for the pages' assets through the CDN (empty without).
 */
public record Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification,
        List<Snapshot> samples, List<Window> assets) {
    public Run {
        events = List.copyOf(events);
        windows = List.copyOf(windows);
        samples = List.copyOf(samples);
        assets = List.copyOf(assets);
    }

    /** A run whose pages referenced no assets. */
    public Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification,
            List<Snapshot> samples) {
        this(info, events, windows, verification, samples, List.of());
    }

    /** A run without samples. */
    public Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification) {
        this(info, events, windows, verification, List.of());
    }
}
