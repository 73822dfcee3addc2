package dev.scaler.report;

import dev.scaler.load.GeneratorFigures;
import dev.scaler.load.Verification;
import dev.scaler.load.Window;
import dev.scaler.monitor.Snapshot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored run as the analysis needs it: what was asked, what happened when, what was measured, the vital signs
 * sampled during it (empty when none were), the windows per home datacenter (empty unless users were kept at home:
 * one entry point per datacenter), the requests for the pages' assets through the CDN (empty without) and what each
 * generator sent when several did (empty when this process sent the load alone).
 */
public record Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification,
        List<Snapshot> samples, Map<String, List<Window>> homes, List<Window> assets,
        List<GeneratorFigures> generators) {
    public Run {
        events = List.copyOf(events);
        windows = List.copyOf(windows);
        samples = List.copyOf(samples);
        var copy = new LinkedHashMap<String, List<Window>>();
        homes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        homes = Collections.unmodifiableMap(copy);
        assets = List.copyOf(assets);
        generators = List.copyOf(generators);
    }

    /** A run sent by this process alone. */
    public Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification,
            List<Snapshot> samples, Map<String, List<Window>> homes, List<Window> assets) {
        this(info, events, windows, verification, samples, homes, assets, List.of());
    }

    /** A run without homes or assets. */
    public Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification,
            List<Snapshot> samples) {
        this(info, events, windows, verification, samples, Map.of(), List.of());
    }

    /** A run without samples. */
    public Run(RunInfo info, List<Event> events, List<Window> windows, Verification verification) {
        this(info, events, windows, verification, List.of());
    }
}
