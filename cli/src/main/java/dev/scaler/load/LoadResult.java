package dev.scaler.load;

import java.time.Instant;
import java.util.List;

/**
 * Everything a finished load run measured; windows are in order, one per second of the run. {@code assets} holds the
 * requests for the static assets the pages reference (through the CDN), by the same seconds, apart from the pages'
 * own: empty when the pages reference none.
 */
public record LoadResult(Instant startedAt, double seconds, List<Window> windows, List<LedgerEntry> ledger,
        Verification verification, List<Window> assets) {

    public LoadResult {
        windows = List.copyOf(windows);
        ledger = List.copyOf(ledger);
        assets = List.copyOf(assets);
    }

    /** A run whose pages reference no assets. */
    public LoadResult(Instant startedAt, double seconds, List<Window> windows, List<LedgerEntry> ledger,
            Verification verification) {
        this(startedAt, seconds, windows, ledger, verification, List.of());
    }
}
