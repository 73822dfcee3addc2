package dev.scaler.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Two runs side by side, figure by figure, with the change from A to B, to spot regressions. */
public final class Compare {
    private Compare() {
    }

    /** One compared figure; numbers for JSON, text for people; {@code change} B - A (null when either is missing). */
    public record Line(String figure, Double a, Double b, Double change, String shownA, String shownB, String shownChange,
            boolean worse) {
    }

    /** The JSON shape of `report --compare A B --format json`. */
    public record Document(int schemaVersion, String a, String b, List<Line> figures) {
    }

    private enum Better {
        HIGHER, LOWER, NEITHER
    }

    public static Document of(Report a, Report b) {
        var lines = new ArrayList<Line>();
        add(lines, "requests", (double) a.whole().attempts(), (double) b.whole().attempts(), Better.NEITHER, Compare::count);
        add(lines, "availability", pct(a.whole().availability()), pct(b.whole().availability()), Better.HIGHER,
                v -> String.format(Locale.ROOT, "%.2f%%", v));
        for (var phase : List.of(Phases.BASELINE, Phases.FAULT, Phases.RECOVERY)) {
            add(lines, phase + " availability", pct(phase(a, phase).availability()), pct(phase(b, phase).availability()),
                    Better.HIGHER, v -> String.format(Locale.ROOT, "%.2f%%", v));
        }
        add(lines, "throughput", a.whole().throughput(), b.whole().throughput(), Better.HIGHER, Format::rate);
        add(lines, "failed", (double) a.whole().failed(), (double) b.whole().failed(), Better.LOWER, Compare::count);
        add(lines, "dropped", (double) a.whole().dropped(), (double) b.whole().dropped(), Better.LOWER, Compare::count);
        add(lines, "p50", a.whole().latency().p50(), b.whole().latency().p50(), Better.LOWER, Format::millis);
        add(lines, "p90", a.whole().latency().p90(), b.whole().latency().p90(), Better.LOWER, Format::millis);
        add(lines, "p99", a.whole().latency().p99(), b.whole().latency().p99(), Better.LOWER, Format::millis);
        add(lines, "p99.9", a.whole().latency().p999(), b.whole().latency().p999(), Better.LOWER, Format::millis);
        add(lines, "max", a.whole().latency().max(), b.whole().latency().max(), Better.LOWER, Format::millis);
        add(lines, "worst recovery (s)", worstRecovery(a), worstRecovery(b), Better.LOWER,
                v -> Double.isInfinite(v) ? "did not recover" : Format.seconds(v));
        add(lines, "lost writes", (double) a.consistency().lostWrites(), (double) b.consistency().lostWrites(), Better.LOWER,
                Compare::count);
        add(lines, "stale reads", (double) a.consistency().staleReads(), (double) b.consistency().staleReads(), Better.LOWER,
                Compare::count);
        add(lines, "lost sessions", (double) a.consistency().lostSessions(), (double) b.consistency().lostSessions(),
                Better.LOWER, Compare::count);
        if (a.jobs().any() || b.jobs().any()) {
            add(lines, "jobs confirmed", (double) a.jobs().confirmed(), (double) b.jobs().confirmed(), Better.NEITHER,
                    Compare::count);
            add(lines, "jobs lost", (double) a.jobs().lost(), (double) b.jobs().lost(), Better.LOWER, Compare::count);
            add(lines, "jobs done twice", (double) a.jobs().duplicates(), (double) b.jobs().duplicates(), Better.LOWER,
                    Compare::count);
            add(lines, "jobs late", (double) a.jobs().late(), (double) b.jobs().late(), Better.LOWER, Compare::count);
            add(lines, "job latency p50", a.jobs().latency().p50(), b.jobs().latency().p50(), Better.LOWER, Format::millis);
            add(lines, "job latency p99", a.jobs().latency().p99(), b.jobs().latency().p99(), Better.LOWER, Format::millis);
            add(lines, "backlog peak", (double) a.jobs().backlogPeak(), (double) b.jobs().backlogPeak(), Better.LOWER,
                    Compare::count);
            add(lines, "backlog drain (s)", drain(a), drain(b), Better.LOWER,
                    v -> Double.isInfinite(v) ? "did not drain" : Format.seconds(v));
        }
        add(lines, "error budget used", pct(a.errorBudget().used()), pct(b.errorBudget().used()), Better.LOWER,
                v -> String.format(Locale.ROOT, "%.1f%%", v));
        return new Document(1, a.run().id(), b.run().id(), lines);
    }

    private static Report.Figures phase(Report r, String name) {
        return r.phases().stream().filter(p -> p.phase().equals(name)).findFirst().orElseThrow();
    }

    private static Double pct(Double fraction) {
        return fraction == null || fraction.isInfinite() ? null : fraction * 100;
    }

    private static String count(double v) {
        return Long.toString((long) v);
    }

    /** Null without jobs; infinity when the backlog did not drain. */
    private static Double drain(Report r) {
        if (!r.jobs().any()) {
            return null;
        }
        return r.jobs().backlogDrainSeconds() == null ? Double.POSITIVE_INFINITY : r.jobs().backlogDrainSeconds();
    }

    /** Null without faults; infinity when one did not recover. */
    private static Double worstRecovery(Report r) {
        if (r.faults().isEmpty()) {
            return null;
        }
        if (r.faults().stream().anyMatch(f -> !f.recovered())) {
            return Double.POSITIVE_INFINITY;
        }
        return r.faults().stream().mapToDouble(Report.Recovery::recoverySeconds).max().orElse(0);
    }

    private static void add(List<Line> lines, String name, Double a, Double b, Better better,
            java.util.function.DoubleFunction<String> show) {
        Double change = a == null || b == null || a.isInfinite() || b.isInfinite() ? null : b - a;
        boolean worse = a != null && b != null && switch (better) {
            case HIGHER -> b < a - 1e-9;
            case LOWER -> b > a + 1e-9;
            default -> false;
        };
        String shownChange = change == null ? "-" : Math.abs(change) < 1e-9 ? "=" : (change > 0 ? "+" : "-")
                + show.apply(Math.abs(change));
        lines.add(new Line(name, a == null || a.isInfinite() ? null : a, b == null || b.isInfinite() ? null : b, change,
                a == null ? "-" : show.apply(a), b == null ? "-" : show.apply(b), shownChange, worse));
    }

    public static String table(Document d) {
        var t = new TextTable("", "A " + d.a(), "B " + d.b(), "change", "");
        d.figures().forEach(l -> t.row(l.figure(), l.shownA(), l.shownB(), l.shownChange(), l.worse() ? "worse" : ""));
        long worse = d.figures().stream().filter(Line::worse).count();
        return t.render("") + "\n" + (worse == 0 ? "B is nowhere worse than A" : "B is worse than A in " + worse + " figures")
                + "\n";
    }

    public static String markdown(Document d) {
        var out = new StringBuilder("### scaler: `" + d.a() + "` (A) vs `" + d.b() + "` (B)\n\n| | A | B | change |\n|---|---:|---:|---:|\n");
        d.figures().forEach(l -> out.append("| ").append(l.figure()).append(" | ").append(l.shownA()).append(" | ")
                .append(l.shownB()).append(" | ").append(l.worse() ? "**" + l.shownChange() + "**" : l.shownChange())
                .append(" |\n"));
        return out.toString();
    }

    public static Map<String, Object> json(Document d) {
        var m = new LinkedHashMap<String, Object>();
        m.put("schemaVersion", d.schemaVersion());
        m.put("a", d.a());
        m.put("b", d.b());
        m.put("figures", d.figures());
        return m;
    }
}
