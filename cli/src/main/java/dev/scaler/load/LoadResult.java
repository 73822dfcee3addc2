package dev.scaler.load;

import java.time.Instant;
import java.util.List;

/** Everything a finished load run measured; windows are in order, one per second of the run. */
public record LoadResult(Instant startedAt, double seconds, List<Window> windows, List<LedgerEntry> ledger,
        Verification verification) {

    public LoadResult {
        windows = List.copyOf(windows);
        ledger = List.copyOf(ledger);
    }
}
