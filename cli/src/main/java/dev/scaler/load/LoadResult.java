package dev.scaler.load;

import java.time.Instant;
import java.util.List;

/**
 * Everything a finished load run measured; windows are in order, one per second of the run. {@code homes} holds the
 * same windows counted per home (a datacenter's entry point), when users were kept at home; latency is not kept there.
 */
public record LoadResult(Instant startedAt, double seconds, List<Window> windows, List<LedgerEntry> ledger,
        Verification verification, java.util.Map<String, List<Window>> homes) {

    public LoadResult {
        windows = List.copyOf(windows);
        ledger = List.copyOf(ledger);
        var copy = new java.util.LinkedHashMap<String, List<Window>>();
        homes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        homes = java.util.Collections.unmodifiableMap(copy);
    }

    /** A result without homes. */
    public LoadResult(Instant startedAt, double seconds, List<Window> windows, List<LedgerEntry> ledger,
            Verification verification) {
        this(startedAt, seconds, windows, ledger, verification, java.util.Map.of());
    }
}
