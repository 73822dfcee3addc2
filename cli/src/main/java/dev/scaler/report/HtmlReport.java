package dev.scaler.report;

import dev.scaler.monitor.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML file: summary cards, availability, throughput and latency timelines as inline SVG with
 * the faults drawn on them, the phase table, hypothesis and faults. No script, no font, no URL is loaded.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    private static final String STYLE = """
            :root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --bg:#f5f7fa; --ok:#2f9e5b; --bad:#d64545;
                    --warn:#c77c02; --p50:#3e7cb1; --p99:#e0803a; }
            * { box-sizing: border-box; }
            body { margin:0; background:var(--bg); color:var(--ink);
                   font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; }
            main { max-width:1100px; margin:0 auto; padding:28px 24px 40px; }
            header { display:flex; justify-content:space-between; align-items:flex-start; gap:16px; margin-bottom:18px; }
            .kicker { text-transform:uppercase; letter-spacing:.08em; font-size:11px; color:var(--muted); font-weight:600; }
            h1 { font-size:22px; margin:2px 0 4px; font-weight:650; }
            h2 { font-size:15px; margin:0 0 10px; font-weight:650; }
            .sub { color:var(--muted); font-size:13px; }
            .badge { padding:8px 16px; border-radius:8px; font-weight:700; letter-spacing:.04em; font-size:15px;
                     color:#fff; white-space:nowrap; }
            .badge.passed { background:var(--ok); } .badge.deviated, .badge.aborted { background:var(--bad); }
            .badge.failed-precondition { background:#b7791f; } .badge.none { background:#7b8794; }
            .cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(118px,1fr)); gap:10px; margin-bottom:18px; }
            .card { background:#fff; border:1px solid var(--line); border-radius:10px; padding:10px 12px; }
            .card .label { font-size:11px; color:var(--muted); text-transform:uppercase; letter-spacing:.06em; }
            .card .value { font-size:20px; font-weight:650; margin-top:2px; font-variant-numeric:tabular-nums; }
            .card .value.good { color:var(--ok); } .card .value.bad { color:var(--bad); }
            section { background:#fff; border:1px solid var(--line); border-radius:10px; padding:14px 16px 10px;
                      margin-bottom:14px; }
            .legend { display:flex; gap:14px; font-size:12px; color:var(--muted); margin:-4px 0 4px; flex-wrap:wrap; }
            .legend i { display:inline-block; width:12px; height:3px; vertical-align:middle; margin-right:5px; }
            .legend i.box { height:10px; border-radius:2px; }
            svg.chart { width:100%; height:auto; display:block; }
            svg .grid { stroke:#eef0f3; } svg .axis { stroke:#9aa5b1; }
            svg .tick { fill:#7b8794; font-size:11px; } svg .p99-tick { fill:var(--p99); }
            svg .replicas-tick { fill:#7b61c4; }
            svg .fault-phase { fill:#fbe3e3; }
            svg .fault-line { stroke:var(--bad); stroke-width:1.5; stroke-dasharray:4 3; }
            svg .heal-line { stroke:var(--ok); stroke-width:1.5; stroke-dasharray:4 3; }
            svg .fault-line-label { fill:var(--bad); font-size:11px; font-weight:600; }
            svg .heal-line-label { fill:var(--ok); font-size:11px; font-weight:600; }
            svg .role-line { stroke:#7b61c4; stroke-width:1.5; stroke-dasharray:6 2; }
            svg .role-line-label { fill:#7b61c4; font-size:11px; font-weight:600; }
            svg .avail { fill:none; stroke:var(--ok); stroke-width:2; } svg .avail-area { fill:#2f9e5b12; }
            svg .steady { stroke:var(--warn); stroke-dasharray:2 3; }
            svg .ok { fill:#7cc49a; } svg .failed { fill:var(--bad); } svg .dropped { fill:#9aa5b1; }
            svg .p50 { fill:none; stroke:var(--p50); stroke-width:1.8; }
            svg .p99 { fill:none; stroke:var(--p99); stroke-width:1.8; }
            svg .replicas { fill:none; stroke:#7b61c4; stroke-width:2.2; }
            svg .decision-line { stroke:#7b61c4; stroke-width:1; stroke-dasharray:1 3; }
            svg .target { fill:none; stroke:#1f2933; stroke-width:1.5; stroke-dasharray:5 3; }
            svg .max { fill:none; stroke:#b8c0c9; stroke-width:1; stroke-dasharray:3 2; }
            table { border-collapse:collapse; width:100%; font-variant-numeric:tabular-nums; }
            th, td { padding:5px 10px; border-bottom:1px solid var(--line); text-align:right; }
            th:first-child, td:first-child { text-align:left; }
            th { font-size:12px; color:var(--muted); font-weight:600; text-transform:uppercase; letter-spacing:.05em; }
            td.pass { color:var(--ok); font-weight:700; } td.fail { color:var(--bad); font-weight:700; }
            tr:last-child td { border-bottom:none; }
            .two { display:grid; grid-template-columns:1fr 1fr; gap:14px; }
            .two section { margin-bottom:14px; }
            footer { color:var(--muted); font-size:12px; margin-top:8px; }
            code { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12.5px; }
            """;

    public static String render(Report report) {
        RunInfo info = report.run();
        var out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>scaler run ").append(Html.escape(info.id())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        String verdict = report.verdict();
        out.append("<header><div><div class=\"kicker\">scaler ").append(Html.escape(info.title())).append(" report")
                .append(info.project().isEmpty() ? "" : " &middot; project " + Html.escape(info.project()))
                .append("</div><h1>Run ").append(Html.escape(info.id())).append("</h1><div class=\"sub\">")
                .append(Html.escape(Figures.run(info))).append("</div></div>")
                .append("<div class=\"badge ").append(verdict).append("\">")
                .append(Html.escape(Figures.badge(report))).append("</div></header>\n");
        var guardrails = Figures.guardrails(report);
        if (!guardrails.isEmpty()) {
            out.append("<section class=\"guardrails\"><h2>Guardrails</h2><ul>");
            guardrails.forEach(g -> out.append("<li>").append(Html.escape(g)).append("</li>"));
            out.append("</ul></section>\n");
        }
        cards(out, report);
        charts(out, report);
        autoscaling(out, report);
        vitals(out, report);
        phases(out, report);
        datacenters(out, report);
        generators(out, report);
        tasks(out, report);
        out.append("<div class=\"two\">\n");
        hypothesis(out, report);
        faults(out, report);
        out.append("</div>\n");
        out.append("<footer>Targets: ").append(Html.escape(String.join(", ", info.targets()))).append(" &middot; started ")
                .append(Html.escape(info.startedAt())).append(" &middot; ").append(Html.escape(Figures.verdictLine(report)))
                .append(" &middot; windows are one second of scheduled starts; latency from the scheduled start.</footer>\n");
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void card(StringBuilder out, String label, String value, String cls) {
        out.append("<div class=\"card\"><div class=\"label\">").append(Html.escape(label)).append("</div><div class=\"value")
                .append(cls.isEmpty() ? "" : " " + cls).append("\">").append(Html.escape(value)).append("</div></div>\n");
    }

    private static void cards(StringBuilder out, Report report) {
        var w = report.whole();
        out.append("<div class=\"cards\">\n");
        Double a = w.availability();
        card(out, "availability", Format.percent(a), a == null ? "" : a >= report.run().steadyState() ? "good" : "bad");
        card(out, "p99", Format.millis(w.latency().p99()), "");
        card(out, "throughput", w.windows() == 0 ? "-" : Format.rate(w.throughput()), "");
        card(out, "requests", Long.toString(w.attempts()), "");
        String recovery = report.faults().isEmpty() ? "no fault"
                : report.faults().stream().anyMatch(f -> !f.recovered()) ? "did not recover"
                : Format.seconds(report.faults().stream().mapToDouble(Report.Recovery::recoverySeconds).max().orElse(0));
        card(out, "worst recovery", recovery, recovery.equals("did not recover") ? "bad" : "");
        var c = report.consistency();
        card(out, "lost writes", Long.toString(c.lostWrites()), c.lostWrites() > 0 ? "bad" : "");
        card(out, "stale reads", Long.toString(c.staleReads()), c.staleReads() > 0 ? "bad" : "");
        card(out, "lost sessions", Long.toString(c.lostSessions()), c.lostSessions() > 0 ? "bad" : "");
        var j = report.jobs();
        if (j.any()) {
            card(out, "lost jobs", j.lost() + " of " + j.confirmed(), j.lost() > 0 ? "bad" : "");
            card(out, "jobs done twice", Long.toString(j.duplicates()), j.duplicates() > 0 ? "bad" : "");
            card(out, "job latency p99", Format.millis(j.latency().p99()), j.late() > 0 ? "bad" : "");
            card(out, "backlog peak / drain", j.backlogPeak() + " / " + (j.backlogDrainSeconds() == null ? "did not drain"
                    : Format.seconds(j.backlogDrainSeconds())), j.backlogDrainSeconds() == null ? "bad" : "");
        }
        out.append("</div>\n");
    }

    private static void charts(StringBuilder out, Report report) {
        var rows = report.windows();
        double seconds = rows.size();
        // Availability: 90-100% unless it fell lower, so a dip to 99% is visible.
        double min = rows.stream().filter(r -> r.availability() != null).mapToDouble(Report.WindowRow::availability).min()
                .orElse(1);
        double lo = min >= 0.9 ? 0.9 : 0;
        var avail = new Svg(seconds, v -> (v - lo) / (1 - lo)).faults(report);
        var ticks = lo == 0 ? List.of(0.0, 0.25, 0.5, 0.75, 1.0) : List.of(0.9, 0.925, 0.95, 0.975, 1.0);
        avail.yTicks(ticks, v -> String.format(Locale.ROOT, lo == 0 ? "%.0f%%" : "%.1f%%", v * 100)).xTicks();
        avail.hline("steady", report.run().steadyState(), "steady state " + Format.percent(report.run().steadyState()));
        avail.steps("avail", rows.stream().map(Report.WindowRow::availability).toList(), true).markers(report)
                .moves(report.events());
        section(out, "Availability per second", legend(
                "<span><i style=\"background:var(--ok)\"></i>availability</span>",
                "<span><i style=\"background:var(--warn)\"></i>steady state " + Format.percent(report.run().steadyState())
                        + "</span>", faultLegend(report)), avail.render("availability per second"));

        double top = Math.max(1, Math.max(rows.stream().mapToLong(Report.WindowRow::attempts).max().orElse(1),
                rows.stream().mapToDouble(Report.WindowRow::targetRate).max().orElse(1))) * 1.1;
        double[] yTop = {niceCeil(top)};
        var thr = new Svg(seconds, v -> v / yTop[0]).faults(report);
        thr.yTicks(List.of(0.0, yTop[0] / 4, yTop[0] / 2, yTop[0] * 3 / 4, yTop[0]),
                v -> String.format(Locale.ROOT, "%.0f", v)).xTicks();
        for (var r : rows) {
            String title = r.second() + "s: " + r.successes() + " ok, " + r.failed() + " failed, " + r.dropped() + " dropped";
            thr.bar("ok", r.second(), 0, r.successes(), title);
            thr.bar("failed", r.second(), r.successes(), r.successes() + r.failed(), title);
            thr.bar("dropped", r.second(), r.successes() + r.failed(), r.attempts(), title);
        }
        // The arrivals the load's shape scheduled each second (journeys, each one request or more), over the bars.
        thr.steps("target", rows.stream().map(r -> (Double) r.targetRate()).toList(), false);
        thr.markers(report);
        section(out, "Throughput (requests per second, by scheduled start)", legend(
                "<span><i class=\"box\" style=\"background:#7cc49a\"></i>succeeded</span>",
                "<span><i class=\"box\" style=\"background:var(--bad)\"></i>failed</span>",
                "<span><i class=\"box\" style=\"background:#9aa5b1\"></i>dropped</span>",
                "<span><i style=\"background:#1f2933\"></i>target arrival rate" + (report.run().stages().isEmpty()
                        ? "" : " (stages " + Html.escape(report.run().shape().toString()) + ")") + "</span>",
                faultLegend(report)),
                thr.render("throughput per second"));

        double lmin = rows.stream().filter(r -> r.p50() != null).mapToDouble(Report.WindowRow::p50).min().orElse(1);
        double lmax = rows.stream().filter(r -> r.max() != null).mapToDouble(Report.WindowRow::max).max().orElse(10);
        double d0 = Math.floor(Math.log10(Math.max(0.01, lmin)));
        double d1 = Math.max(d0 + 1, Math.ceil(Math.log10(Math.max(0.01, lmax))));
        var lat = new Svg(seconds, v -> (Math.log10(Math.max(1e-3, v)) - d0) / (d1 - d0)).faults(report);
        var lticks = new ArrayList<Double>();
        for (double d = d0; d <= d1; d++) {
            lticks.add(Math.pow(10, d));
        }
        lat.yTicks(lticks, v -> Format.millis(v).replaceAll("\\.0+(ms|s)$", "$1").replace(".00", "")).xTicks();
        lat.steps("max", rows.stream().map(Report.WindowRow::max).toList(), false);
        lat.steps("p50", rows.stream().map(Report.WindowRow::p50).toList(), false);
        lat.steps("p99", rows.stream().map(Report.WindowRow::p99).toList(), false).markers(report);
        section(out, "Latency per second (from the scheduled start, log scale)", legend(
                "<span><i style=\"background:var(--p50)\"></i>p50</span>",
                "<span><i style=\"background:var(--p99)\"></i>p99</span>",
                "<span><i style=\"background:#b8c0c9\"></i>max</span>", faultLegend(report)), lat.render("latency per second"));
    }

    /**
     * When the autoscaler ran: the web replicas answering (sampled) against the load (requests per second, right
     * scale) and against the users' p99 (right scale), each decision drawn where it was taken.
     */
    private static void autoscaling(StringBuilder out, Report report) {
        var decisions = report.events().stream().filter(e -> Event.SCALE.equals(e.type())).toList();
        var replicas = report.vitals().series().stream().filter(s -> s.signal().equals(Signal.WEB_REPLICAS.key()))
                .findFirst();
        if (decisions.isEmpty() || replicas.isEmpty()) {
            return;
        }
        double seconds = report.windows().size();
        var counts = replicas.get().values();
        double most = counts.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
        double top = Math.max(2, Math.ceil(most * 1.25));
        var body = new StringBuilder();
        List<Double> load = report.windows().stream().map(r -> (Double) (double) r.attempts()).toList();
        List<Double> p99 = report.windows().stream().map(Report.WindowRow::p99).toList();
        for (var against : List.of(java.util.Map.entry("requests per second", load), java.util.Map.entry("p99", p99))) {
            var chart = new Svg(seconds, v -> v / top);
            chart.yTicks(List.of(0.0, Math.floor(top / 2), top), v -> String.format(Locale.ROOT, "%.0f", v)).xTicks();
            chart.steps("replicas", counts, false);
            double max = max(against.getValue());
            double right = niceCeil(Math.max(1e-3, max * 1.1));
            boolean millis = against.getKey().equals("p99");
            chart.steps(millis ? "p99" : "target", against.getValue().stream().map(x -> x == null ? null : x / right * top)
                    .toList(), false).rightTicks(List.of(0.5, 1.0), f -> millis
                            ? Format.millis(f * right).replaceAll("\\.0+(ms|s)$", "$1")
                            : String.format(Locale.ROOT, "%.0f/s", f * right));
            for (Event e : decisions) {
                chart.decision(e);
            }
            body.append("<div class=\"sub\">web replicas (left) against ").append(Html.escape(against.getKey()))
                    .append(" (right)</div>\n").append(chart.render("web replicas against " + against.getKey()));
        }
        body.append("<table><thead><tr><th>at</th><th>decision</th><th>figures</th></tr></thead><tbody>\n");
        for (Event e : decisions) {
            body.append("<tr><td>").append(Format.seconds(e.t())).append("</td><td>").append(Html.escape(e.action()))
                    .append("</td><td>").append(Html.escape(e.detail())).append("</td></tr>\n");
        }
        body.append("</tbody></table>\n");
        section(out, "Autoscaling: web replicas against load and p99", legend(
                "<span><i style=\"background:#7b61c4\"></i>web replicas answering (sampled)</span>",
                "<span><i style=\"background:#1f2933\"></i>requests per second</span>",
                "<span><i style=\"background:var(--p99)\"></i>p99</span>",
                "<span>dotted: a decision (scale-up, scale-down, scaled, hold)</span>"), body.toString());
    }

    private static final java.util.Map<String, String> TIERS = java.util.Map.of("lb", "Load balancers", "web",
            "Web replicas (from inside)", "cache", "Cache", "database", "Database and shards", "proxy",
            "Proxies (Toxiproxy)", "queue", "Queue (RabbitMQ)", "workers", "Workers (from inside)", "all",
            "All containers");

    /** A panel per tier with a timeline per sampled signal, faults drawn on it, and min..max by phase under it. */
    private static void vitals(StringBuilder out, Report report) {
        var v = report.vitals();
        if (v.series().isEmpty()) {
            return;
        }
        double seconds = report.windows().size();
        var tiers = new java.util.LinkedHashMap<String, List<Report.SignalSeries>>();
        v.series().forEach(s -> tiers.computeIfAbsent(s.tier(), t -> new ArrayList<>()).add(s));
        tiers.forEach((tier, series) -> {
            var body = new StringBuilder();
            for (var s : series) {
                double max = s.values().stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue)
                        .max().orElse(1);
                double top = s.unit().equals("ratio") ? 1 : niceCeil(Math.max(1, max * 1.1));
                var chart = new Svg(seconds, x -> x / top).faults(report);
                chart.yTicks(List.of(0.0, top / 2, top), x -> Figures.signal(x, s.unit())).xTicks();
                chart.steps("p50", s.values(), false).markers(report).roles(drawn(v, tier));
                String overlay = "";
                if (s.signal().equals(Signal.CACHE_HIT_RATIO.key())) {
                    overlay = usersP99(chart, top, report);
                } else if (s.signal().equals(Signal.QUEUE_READY.key())) {
                    overlay = workersAnswering(chart, top, v);
                }
                body.append("<div class=\"sub\">").append(Html.escape(s.title())).append(": ")
                        .append(Html.escape(String.join(", ", s.phases().stream()
                                .map(r -> r.phase() + " " + Figures.range(r, s.unit())).toList())))
                        .append(overlay).append("</div>\n").append(chart.render(s.title()));
            }
            boolean roles = !drawn(v, tier).isEmpty();
            section(out, TIERS.getOrDefault(tier, tier) + ": vital signs per second", legend(
                    "<span>sampled from each container's own interface; " + Html.escape(Figures.samplerCost(v))
                            + "</span>", faultLegend(report), roles
                            ? "<span><i style=\"background:#7b61c4\"></i>role change (as the server said it)</span>"
                            : ""), body.toString());
        });
    }

    /**
     * The users' p99 per second drawn over the cache's hit ratio, on its own scale (right), so the two can be read
     * against each other second by second (a slow cache shows in the tail, a cold one in the ratio); the legend text.
     */
    private static String usersP99(Svg chart, double leftTop, Report report) {
        var p99 = report.windows().stream().map(Report.WindowRow::p99).toList();
        double max = max(p99);
        if (max <= 0) {
            return "";
        }
        double top = niceCeil(max * 1.1);
        onTheRight(chart, leftTop, "p99", p99, top, v -> Format.millis(v).replaceAll("\\.0+(ms|s)$", "$1"));
        return "; <span style=\"color:var(--p99)\">users' p99 per second, right scale, 0.." + Html.escape(
                Format.millis(top)) + "</span>";
    }

    /**
     * The workers answering drawn over the jobs ready in the queue, on their own scale (right), so that a backlog
     * can be read against the workers there were to drain it, second by second; the legend text.
     */
    private static String workersAnswering(Svg chart, double leftTop, Report.VitalSigns v) {
        var workers = v.series().stream().filter(s -> s.signal().equals(Signal.WORKERS_ANSWERING.key())).findFirst();
        if (workers.isEmpty()) {
            return "";
        }
        // An even top puts the middle tick on a whole number of workers.
        double top = 2 * Math.ceil(Math.max(1, max(workers.get().values())) * 1.25 / 2);
        onTheRight(chart, leftTop, "replicas", workers.get().values(), top,
                n -> String.format(Locale.ROOT, "%.0f", n));
        return "; <span style=\"color:#7b61c4\">workers answering, right scale, 0.." + (long) top + "</span>";
    }

    /**
     * Draws {@code values} on a chart whose own scale ends at {@code leftTop}, on a second scale from 0 to {@code top}
     * labelled at the right edge.
     */
    private static void onTheRight(Svg chart, double leftTop, String cls, List<Double> values, double top,
            java.util.function.DoubleFunction<String> tick) {
        chart.steps(cls, values.stream().map(x -> x == null ? null : x / top * leftTop).toList(), false)
                .rightTicks(cls, List.of(0.5, 1.0), f -> tick.apply(f * top));
    }

    /** The largest value of a series with gaps; 0 when it has none. */
    private static double max(List<Double> values) {
        return values.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /**
     * The role changes drawn on a tier's panel: promotions and old primaries coming back, not the replicas that
     * follow the new primary a moment later (the text report lists those too).
     */
    private static List<Report.RoleChange> drawn(Report.VitalSigns v, String tier) {
        return v.roleChanges().stream().filter(c -> c.tier().equals(tier))
                .filter(c -> c.to().equals("primary") || c.from().equals("primary")).toList();
    }

    private static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 4, 5, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String faultLegend(Report report) {
        return report.faults().isEmpty() ? "<span>no fault injected</span>"
                : "<span><i style=\"background:var(--bad)\"></i>fault</span>"
                        + "<span><i style=\"background:var(--ok)\"></i>heal/restore</span>"
                        + "<span><i class=\"box\" style=\"background:#fdecec\"></i>fault phase</span>";
    }

    private static String legend(String... items) {
        return "<div class=\"legend\">" + String.join("", items) + "</div>";
    }

    private static void section(StringBuilder out, String title, String legend, String svg) {
        out.append("<section><h2>").append(Html.escape(title)).append("</h2>").append(legend).append('\n').append(svg)
                .append("</section>\n");
    }

    private static void phases(StringBuilder out, Report report) {
        var columns = Figures.columns(report);
        out.append("<section><h2>By phase</h2><table><thead><tr><th></th>");
        columns.forEach(f -> out.append("<th>").append(Html.escape(f.phase())).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (var row : Figures.rows(report, true)) {
            out.append("<tr><td>").append(Html.escape(row.name().strip())).append("</td>");
            columns.forEach(f -> out.append("<td>").append(Html.escape(row.cell().apply(f))).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</tbody></table></section>\n");
    }

    /** What each home datacenter's users saw, when users were kept at home; nothing otherwise. */
    private static void datacenters(StringBuilder out, Report report) {
        if (report.datacenters().isEmpty()) {
            return;
        }
        out.append("<section><h2>By home datacenter</h2><table><thead><tr><th>users of</th><th>requests</th>")
                .append("<th>availability</th><th>recovery</th></tr></thead><tbody>\n");
        for (var h : report.datacenters()) {
            out.append("<tr><td>").append(Html.escape(h.datacenter())).append("</td><td>").append(h.whole().attempts())
                    .append("</td><td>").append(Html.escape(Format.percent(h.whole().availability()))).append("</td><td>")
                    .append(Html.escape(String.join("; ", h.faults().stream()
                            .map(f -> Format.seconds(f.at()) + " " + Figures.recovery(f)).toList())))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table><p class=\"sub\">Each user is sent through its home datacenter's entry point on")
                .append(" the global load balancer and counted there too.</p></section>\n");
    }

    /** What each generator sent, when several did; nothing otherwise. */
    private static void generators(StringBuilder out, Report report) {
        if (report.generators().isEmpty()) {
            return;
        }
        out.append("<section><h2>Generators</h2><table><thead><tr>");
        for (String column : Figures.GENERATOR_COLUMNS) {
            out.append("<th>").append(column).append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
        for (String[] row : Figures.generators(report)) {
            out.append("<tr>");
            for (String cell : row) {
                out.append("<td>").append(Html.escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table><p class=\"sub\">Each generator sent its share of the rate with its own seed and")
                .append(" users; the figures above merge their histograms exactly.</p></section>\n");
    }

    private static void hypothesis(StringBuilder out, Report report) {
        out.append("<section><h2>Hypothesis</h2>");
        if (report.hypothesis().isEmpty()) {
            out.append("<p class=\"sub\">No hypothesis lines: figures only.</p>");
        } else {
            out.append("<table><thead><tr><th>line</th><th>observed</th><th>verdict</th></tr></thead><tbody>\n");
            for (var c : report.hypothesis()) {
                out.append("<tr><td><code>").append(Html.escape(c.name() + ": " + c.expression())).append("</code></td><td>")
                        .append(Html.escape(c.observed())).append("</td><td class=\"").append(c.passed() ? "pass" : "fail")
                        .append("\">").append(c.passed() ? "PASS" : "FAIL").append("</td></tr>\n");
            }
            out.append("</tbody></table>");
        }
        var c = report.consistency();
        out.append("<p class=\"sub\">").append(c.acknowledgedWrites()).append(" acknowledged writes, ")
                .append(c.notesChecked()).append(" notes read back from the primary. Error budget: ")
                .append(Html.escape(Figures.budget(report.errorBudget()))).append(".</p>");
        out.append("</section>\n");
    }

    /** On a swarm: each task Swarm lost and where it ran again, when (the dashed lines on the availability chart). */
    private static void tasks(StringBuilder out, Report report) {
        var moves = Figures.taskMoves(report);
        if (moves.isEmpty()) {
            return;
        }
        out.append("<section><h2>Tasks on the swarm</h2><table><thead><tr><th>at</th><th>task</th><th>what</th>")
                .append("</tr></thead><tbody>\n");
        for (var line : moves) {
            out.append("<tr><td>").append(Html.escape(line.get(0))).append("</td><td><code>").append(Html.escape(line.get(1)))
                    .append("</code></td><td>").append(Html.escape(line.get(2))).append("</td></tr>\n");
        }
        out.append("</tbody></table><p class=\"sub\">From Swarm's own view, looked at once a second: a task is lost ")
                .append("when Swarm no longer counts it running (a dead node counts only once Swarm marks it down).</p>")
                .append("</section>\n");
    }

    private static void faults(StringBuilder out, Report report) {
        out.append("<section><h2>Faults and recovery</h2>");
        if (report.faults().isEmpty()) {
            out.append("<p class=\"sub\">No fault was injected: every window is baseline.</p>");
        } else {
            out.append("<table><thead><tr><th>fault</th><th>at</th><th>recovery</th></tr></thead><tbody>\n");
            for (var f : report.faults()) {
                out.append("<tr><td><code>").append(Html.escape(Figures.fault(f))).append("</code></td><td>")
                        .append(Format.seconds(f.at())).append("</td><td class=\"").append(f.recovered() ? "" : "fail")
                        .append("\">").append(Html.escape(f.recovered() ? f.recovery() : "did not recover"))
                        .append("</td></tr>\n");
            }
            out.append("</tbody></table>");
            out.append("<p class=\"sub\">Recovery: from the injection to the first of ").append(Analysis.RECOVERY_WINDOWS)
                    .append(" consecutive windows at or above ").append(Format.percent(report.run().steadyState()))
                    .append(".</p>");
        }
        out.append("</section>\n");
    }
}
