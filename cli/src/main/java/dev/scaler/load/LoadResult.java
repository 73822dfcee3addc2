package dev.scaler.load;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a finished load run measured; windows are in order, one per second of the run. {@code homes} holds the
 * same windows counted per home (a datacenter's entry point), when users were kept at home; latency is not kept there.
 * {@code assets} holds the requests for the static assets the pages reference (through the CDN), by the same seconds,
 * apart from the pages' own: empty when the pages reference none.
 */
public record LoadResult(Instant startedAt, double seconds, List<Window> windows, List<LedgerEntry> ledger,
        Verification verification, Map<String, List<Window>> homes, List<Window> assets) {

    public LoadResult {
        windows = List.copyOf(windows);
        ledger = List.copyOf(ledger);
        var copy = new LinkedHashMap<String, List<Window>>();
        homes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        homes = Collections.unmodifiableMap(copy);
        assets = List.copyOf(assets);
    }

    /** A result without homes or assets. */
    public LoadResult(Instant startedAt, double seconds, List<Window> windows, List<LedgerEntry> ledger,
            Verification verification) {
        this(startedAt, seconds, windows, ledger, verification, Map.of(), List.of());
    }
}
