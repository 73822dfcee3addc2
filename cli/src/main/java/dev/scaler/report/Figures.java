package dev.scaler.report;

import dev.scaler.load.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The rows every tabular format shows for a phase, so table, markdown, HTML and compare agree. */
final class Figures {
    private Figures() {
    }

    /** A figure's name and how to show it for one phase. */
    record Row(String name, Function<Report.Figures, String> cell) {
    }

    static List<Row> rows(Report report, boolean failureKinds) {
        var rows = new ArrayList<Row>();
        rows.add(new Row("span", f -> f.windows() == 0 ? "-" : Format.seconds(f.from()) + "-" + Format.seconds(f.to())));
        rows.add(new Row("requests", f -> Long.toString(f.attempts())));
        rows.add(new Row("availability", f -> Format.percent(f.availability())));
        if (!report.assets().isEmpty()) {
            // The pages' assets through the CDN, apart: a page is available even when its stylesheet is not.
            rows.add(new Row("asset requests", f -> assets(report, f).map(a -> Long.toString(a.attempts())).orElse("-")));
            rows.add(new Row("asset availability", f -> assets(report, f).map(a -> Format.percent(a.availability()))
                    .orElse("-")));
        }
        rows.add(new Row("successes", f -> Long.toString(f.successes())));
        rows.add(new Row("failed", f -> Long.toString(f.failed())));
        if (failureKinds) {
            for (FailureKind k : FailureKind.values()) {
                if (report.whole().failures().getOrDefault(k.label(), 0L) > 0) {
                    rows.add(new Row("  " + k.label(), f -> Long.toString(f.failures().getOrDefault(k.label(), 0L))));
                }
            }
        }
        rows.add(new Row("dropped", f -> Long.toString(f.dropped())));
        rows.add(new Row("throughput", f -> f.windows() == 0 ? "-" : Format.rate(f.throughput())));
        rows.add(new Row("p50", f -> Format.millis(f.latency().p50())));
        rows.add(new Row("p90", f -> Format.millis(f.latency().p90())));
        rows.add(new Row("p99", f -> Format.millis(f.latency().p99())));
        rows.add(new Row("p99.9", f -> Format.millis(f.latency().p999())));
        rows.add(new Row("max", f -> Format.millis(f.latency().max())));
        return rows;
    }

    /** whole, then baseline, fault, recovery. */
    /** The asset figures of the same phase as a column's. */
    private static java.util.Optional<Report.Figures> assets(Report report, Report.Figures column) {
        return report.assets().stream().filter(a -> a.phase().equals(column.phase())).findFirst();
    }

    static List<Report.Figures> columns(Report report) {
        var columns = new ArrayList<Report.Figures>();
        columns.add(report.whole());
        columns.addAll(report.phases());
        return columns;
    }

    /** A sampled signal's value in its unit: a ratio as a percentage, bytes in MiB, seconds, milliseconds. */
    static String signal(Double v, String unit) {
        if (v == null) {
            return "-";
        }
        return switch (unit) {
            case "ratio" -> Format.percent(v);
            case "ms" -> Format.millis(v);
            case "s" -> whole(v) + "s";
            case "bytes" -> String.format(java.util.Locale.ROOT, "%.1fMiB", v / (1024 * 1024));
            case "/s" -> Format.rate(v);
            default -> whole(v);
        };
    }

    /** A count or whole seconds as is, a fraction (an axis tick halfway to 1) with one decimal. */
    private static String whole(double v) {
        return String.format(java.util.Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v);
    }

    /** "min-max" of a signal in a phase, or the one value when they are equal. */
    static String range(Report.Range r, String unit) {
        if (r.min() == null) {
            return "-";
        }
        String lo = signal(r.min(), unit);
        String hi = signal(r.max(), unit);
        return lo.equals(hi) ? lo : lo + ".." + hi;
    }

    /** The sampler's own cost, for the line under the vital signs. */
    static String samplerCost(Report.VitalSigns v) {
        return v.samples() + " samples, each taken in " + String.format(java.util.Locale.ROOT, "%.0f", v.meanCostMs())
                + " ms on average (at most " + String.format(java.util.Locale.ROOT, "%.0f", v.maxCostMs()) + " ms)";
    }

    static String verdictLine(Report report) {
        long failed = report.hypothesis().stream().filter(c -> !c.passed()).count();
        return switch (Verdict.parse(report.verdict())) {
            case NONE -> "no hypothesis lines";
            case PASSED -> "PASSED: every hypothesis line held (" + report.hypothesis().size() + ")";
            case DEVIATED -> "DEVIATED: " + failed + " of " + report.hypothesis().size() + " hypothesis lines failed";
            case ABORTED -> "ABORTED: an abort line tripped (" + report.guardrails().abort().line()
                    + "); every fault was rolled back";
            case FAILED_PRECONDITION -> "FAILED-PRECONDITION: the steady state was not met; nothing was injected";
        };
    }

    /** The verdict as a badge: PASSED, DEVIATED, ABORTED, FAILED-PRECONDITION, or "measured" when none. */
    static String badge(Report report) {
        return report.verdict().equals(Verdict.NONE.text()) ? "measured"
                : report.verdict().toUpperCase(java.util.Locale.ROOT);
    }

    /** What the guardrails said, a line each (none without guardrails): the steady state, then the abort lines. */
    static List<String> guardrails(Report report) {
        var lines = new ArrayList<String>();
        var s = report.guardrails().steadyState();
        if (!s.outcome().equals("none")) {
            String asked = Format.seconds(s.forSeconds()) + " in a row within " + Format.seconds(s.withinSeconds());
            lines.add(switch (s.outcome()) {
                case Event.MET -> "steady state met at " + Format.seconds(s.at()) + " (" + asked + "): " + s.detail();
                case Event.NOT_MET -> "steady state NOT met (" + asked + "): " + s.detail()
                        + "; nothing was injected";
                default -> "steady state undecided (" + asked + "): the run ended first; nothing was injected";
            });
        }
        var a = report.guardrails().abort();
        if (a.tripped()) {
            lines.add("abort line tripped at " + Format.seconds(a.at()) + ": " + a.line() + " (observed " + a.observed()
                    + "); every fault rolled back " + String.format(java.util.Locale.ROOT, "%.2fs", a.rollbackSeconds())
                    + " later, at " + Format.seconds(a.rolledBackAt()));
        } else if (!a.lines().isEmpty()) {
            lines.add("abort lines watched, none tripped: " + String.join("; ", a.lines()));
        }
        return lines;
    }

    static String recovery(Report.Recovery r) {
        return r.recovered() ? "recovered in " + r.recovery() : "did not recover";
    }

    static String fault(Report.Recovery r) {
        return (r.action() + " " + r.target()).strip();
    }

    static String budget(Report.ErrorBudget b) {
        return "SLO " + Format.percent(b.slo()) + ": " + b.failures() + " failed or dropped of "
                + String.format(java.util.Locale.ROOT, "%.1f", b.allowedFailures()) + " allowed ("
                + (b.used() == null ? "-" : Format.percent(b.used())) + " of the budget used)";
    }

    /** The job ledger in one line: counts, latency, backlog. */
    static String jobs(Report.Jobs j) {
        var l = j.latency();
        return j.submitted() + " submitted, " + j.confirmed() + " confirmed, " + j.done() + " done, " + j.lost()
                + " lost, " + j.duplicates() + " done twice, " + j.late() + " late (deadline "
                + Format.seconds(j.deadlineSeconds()) + "); latency p50 " + Format.millis(l.p50()) + " p99 "
                + Format.millis(l.p99()) + " max " + Format.millis(l.max()) + "; backlog peak " + j.backlogPeak() + " at "
                + Format.seconds(j.backlogPeakAt()) + ", "
                + (j.backlogDrainSeconds() == null ? "did not drain" : "drained in " + Format.seconds(j.backlogDrainSeconds()));
    }

    static String run(RunInfo info) {
        String stopped = info.seconds() > 0 && info.seconds() < info.durationSeconds() - 1
                ? " (stopped after " + Format.seconds(info.seconds()) + ")" : "";
        return String.format(java.util.Locale.ROOT, "%s for %s%s at %s, journeys %s, timeout %dms, seed %d%s",
                info.title(), Format.seconds(info.durationSeconds()), stopped, Format.rate(info.rate()), journeys(info),
                info.timeoutMillis(), info.seed(), info.generators() > 1 ? ", " + info.generators() + " generators" : "");
    }

    /** The columns of {@link #generators}. */
    static final String[] GENERATOR_COLUMNS = {"generator", "seed", "rate", "requests", "dropped", "failed", "p99"};

    /**
     * One row per generator when several sent the load (none otherwise): what each sent, dropped and failed, and
     * its own p99, so one that could not keep up shows beside the merged figures.
     */
    static List<String[]> generators(Report report) {
        return report.generators().stream().map(g -> new String[] {Integer.toString(g.generator()),
                Long.toString(g.seed()), Format.rate(g.rate()), Long.toString(g.attempts()), Long.toString(g.dropped()),
                Long.toString(g.failed()), Format.millis(g.p99Ms())}).toList();
    }

    /** On a swarm, one row per task event of the timeline: when, which task, what Swarm did with it. */
    static List<List<String>> taskMoves(Report report) {
        return report.events().stream().filter(e -> Event.TASK.equals(e.type()))
                .map(e -> List.of(Format.seconds(e.t()), e.target(), e.action() + " " + e.detail())).toList();
    }

    static String journeys(RunInfo info) {
        var parts = new ArrayList<String>();
        info.journeys().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }
}
