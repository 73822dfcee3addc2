package dev.scaler.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A snapshot as text rows, one per container, as `scaler top` and `scaler status --metrics` print them: health, role,
 * requests/s, errors/s, p99, replication lag, hit ratio, backends, connections, and what is wrong when something is
 * (a proxy's note lists the toxics in effect, as Toxiproxy says them; the queue's leader and each worker say how the
 * jobs go).
 */
public final class VitalsTable {
    public static final List<String> HEADER = List.of("CONTAINER", "TIER", "ROLE", "HEALTH", "REQ/S", "ERR/S", "P99",
            "LAG", "HIT", "BACKENDS", "CONN", "NOTE");

    private VitalsTable() {
    }

    /** The header, then one row per container, in the snapshot's order. */
    public static List<List<String>> rows(Snapshot snapshot) {
        var rows = new ArrayList<List<String>>();
        rows.add(HEADER);
        for (Vitals v : snapshot.containers()) {
            rows.add(List.of(v.container(), v.tier(), v.role(), health(v), number(v.requestsPerSecond(), "%.1f"),
                    number(v.errorsPerSecond(), "%.1f"), millis(v.p99Ms()), seconds(v.lagSeconds()),
                    percent(v.hitRatio().isPresent() ? v.hitRatio() : v.noteCacheHitRatio()), backends(v),
                    number(v.connections().isPresent() ? v.connections() : v.sessions(), "%.0f"), note(v)));
        }
        return rows;
    }

    /** True when the row's container needs attention: it does not run, is unhealthy, or did not answer. */
    public static boolean alarming(Vitals v) {
        return !"running".equals(v.state()) || "unhealthy".equals(v.health()) || v.silent()
                || v.backendsDown().orElse(0) > 0 || !v.faults().isEmpty();
    }

    private static String health(Vitals v) {
        return "running".equals(v.state()) ? v.health() : v.state();
    }

    private static String note(Vitals v) {
        if (v.silent()) {
            return "! " + v.status();
        }
        if (v.backendsDown().orElse(0) > 0) {
            return "! " + (long) v.backendsDown().getAsDouble() + " backend(s) down";
        }
        if (!v.faults().isEmpty()) {
            return "! " + v.faults().size() + (v.faults().size() == 1 ? " fault: " : " faults: ")
                    + String.join("; ", v.faults());
        }
        if (v.queue().isPresent()) {
            var q = v.queue().get();
            return String.format(Locale.ROOT, "jobs: %d ready, %d unacked, %d consumers, in %.1f/s out %.1f/s ack %.1f/s;"
                    + " %s", q.ready(), q.unacked(), q.consumers(), q.publishPerSecond(), q.deliverPerSecond(),
                    q.ackPerSecond(), memory(v));
        }
        if (v.jobsInHand().isPresent()) {
            return String.format(Locale.ROOT, "jobs: %s done, p99 %s, %.0f in hand",
                    number(v.jobsPerSecond(), "%.1f/s"), number(v.p99Ms(), "%.1f ms"), v.jobsInHand().getAsDouble());
        }
        if ("queue".equals(v.tier()) && v.memoryBytes().isPresent()) {
            return memory(v);
        }
        if (v.toxicsActive().isPresent()) {
            return "no toxics";
        }
        return v.gtid().map(g -> "gtid " + g).orElse("");
    }

    private static String backends(Vitals v) {
        if (v.backendsUp().isEmpty()) {
            return "-";
        }
        return (long) v.backendsUp().getAsDouble() + "/"
                + (long) (v.backendsUp().getAsDouble() + v.backendsDown().orElse(0));
    }

    private static String memory(Vitals v) {
        return String.format(Locale.ROOT, "memory %.0f MB", v.memoryBytes().orElse(0) / 1e6);
    }

    static String number(OptionalDouble d, String format) {
        return d.isPresent() ? String.format(Locale.ROOT, format, d.getAsDouble()) : "-";
    }

    static String millis(OptionalDouble ms) {
        if (ms.isEmpty()) {
            return "-";
        }
        double v = ms.getAsDouble();
        return v >= 1000 ? String.format(Locale.ROOT, "%.2fs", v / 1000)
                : String.format(Locale.ROOT, v >= 10 ? "%.0fms" : "%.1fms", v);
    }

    static String seconds(OptionalDouble s) {
        return s.isPresent() ? String.format(Locale.ROOT, "%.0fs", s.getAsDouble()) : "-";
    }

    static String percent(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.1f%%", ratio.getAsDouble() * 100) : "-";
    }
}
