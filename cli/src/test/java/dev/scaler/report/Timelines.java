package dev.scaler.report;

import dev.scaler.load.FailureKind;
import dev.scaler.load.Verification;
import dev.scaler.load.Window;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Synthetic runs: per-request outcomes at a given rate, with an outage between two instants. */
final class Timelines {
    private Timelines() {
    }

    /**
     * {@code seconds} windows of {@code rate} requests each, scheduled evenly; requests scheduled in
     * [outageFrom, outageTo) fail with {@code kind}, the rest succeed in {@code latencyMicros}.
     */
    static List<Window> outage(int seconds, int rate, double outageFrom, double outageTo, FailureKind kind,
            long latencyMicros) {
        var windows = new ArrayList<Window>();
        for (int s = 0; s < seconds; s++) {
            long ok = 0;
            long bad = 0;
            var h = Window.newHistogram();
            for (int i = 0; i < rate; i++) {
                double t = s + i / (double) rate;
                if (t >= outageFrom && t < outageTo) {
                    bad++;
                    h.recordValue(2_000_000);
                } else {
                    ok++;
                    h.recordValue(latencyMicros);
                }
            }
            var failures = new EnumMap<FailureKind, Long>(FailureKind.class);
            failures.put(kind, bad);
            windows.add(new Window(s, ok, failures, 0, h));
        }
        return windows;
    }

    static Window window(int second, long successes, long failed, long dropped) {
        var h = Window.newHistogram();
        for (long i = 0; i < successes + failed; i++) {
            h.recordValue(1000 + i);
        }
        return new Window(second, successes, Map.of(FailureKind.SERVER_ERROR, failed), dropped, h);
    }

    static RunInfo info(Map<String, String> hypothesis) {
        return new RunInfo(RunInfo.SCHEMA_VERSION, "20261125T161500Z-ab12", "load", "m-web",
                List.of("http://127.0.0.1:18280/"), 100, 30, new LinkedHashMap<>(Map.of("browse", 100)), 2000, 7, 220, 50,
                "2026-11-25T16:15:00Z", 30.5, RunInfo.DEFAULT_STEADY_STATE, RunInfo.DEFAULT_SLO, hypothesis, "", Guards.NONE);
    }

    static Run run(List<Window> windows, List<Event> events, Map<String, String> hypothesis) {
        return new Run(info(hypothesis), events, windows, Verification.NONE);
    }
}
