package dev.scaler.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * The results of several generators as one run: windows of the same second summed (their latency histograms added,
 * which is exact: the same counts per bucket as one histogram that recorded every value), ledgers joined, stale reads
 * summed and lost sessions joined. Reading the joined ledger back is left to the caller ({@link LoadGenerator#verify}).
 */
public final class Merge {
    private Merge() {
    }

    /** One result from the generators' results; its verification counts, but has not read, the joined ledger. */
    public static LoadResult results(List<LoadResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no generator's result to merge");
        }
        var ledger = new ArrayList<LedgerEntry>();
        long stale = 0;
        var lostSessions = new TreeSet<String>();
        var homes = new LinkedHashMap<String, List<List<Window>>>();
        double seconds = 0;
        for (LoadResult part : parts) {
            ledger.addAll(part.ledger());
            stale += part.verification().staleReads();
            lostSessions.addAll(part.verification().lostSessionUsers());
            part.homes().forEach((home, windows) -> homes.computeIfAbsent(home, k -> new ArrayList<>()).add(windows));
            seconds = Math.max(seconds, part.seconds());
        }
        ledger.sort(java.util.Comparator.comparingDouble(LedgerEntry::at));
        var mergedHomes = new LinkedHashMap<String, List<Window>>();
        homes.forEach((home, lists) -> mergedHomes.put(home, windows(lists)));
        var verification = new Verification(ledger.size(), 0, 0, List.of(), stale, lostSessions.size(),
                List.copyOf(lostSessions));
        return new LoadResult(parts.get(0).startedAt(), seconds,
                windows(parts.stream().map(LoadResult::windows).toList()), ledger, verification, mergedHomes,
                windows(parts.stream().map(LoadResult::assets).toList()));
    }

    /** Window by window, the sums of every list's window of the same second; a second one list lacks counts as empty. */
    public static List<Window> windows(List<List<Window>> lists) {
        var bySecond = new java.util.TreeMap<Integer, List<Window>>();
        for (List<Window> list : lists) {
            for (Window w : list) {
                bySecond.computeIfAbsent(w.second(), k -> new ArrayList<>()).add(w);
            }
        }
        return bySecond.values().stream().map(Merge::window).toList();
    }

    /** The sum of windows of one second. */
    public static Window window(List<Window> same) {
        long successes = 0;
        long dropped = 0;
        var failures = new EnumMap<FailureKind, Long>(FailureKind.class);
        Histogram latency = Window.newHistogram();
        for (Window w : same) {
            successes += w.successes();
            dropped += w.dropped();
            w.failures().forEach((k, n) -> failures.merge(k, n, Long::sum));
            latency.add(w.latency());
        }
        return new Window(same.get(0).second(), successes, failures, dropped, latency);
    }

    /** What generator {@code generator} (its own seed and rate) sent, over its whole run. */
    public static GeneratorFigures figures(int generator, long seed, double rate, LoadResult result) {
        Window all = window(result.windows().isEmpty() ? List.of(new Window(0, 0, Map.of(), 0, Window.newHistogram()))
                : result.windows());
        Histogram h = all.latency();
        return new GeneratorFigures(generator, seed, rate, all.attempts(), all.successes(), all.failed(),
                all.dropped(), h.getTotalCount() == 0 ? null : h.getValueAtPercentile(99) / 1000.0);
    }
}
