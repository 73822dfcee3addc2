package dev.scaler.report;

/** A short summary for a CI job summary or a pull-request comment. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(Report report) {
        var out = new StringBuilder();
        RunInfo info = report.run();
        String verdict = Figures.badge(report);
        out.append("### scaler run `").append(info.id()).append("`: ").append(verdict).append("\n\n");
        out.append(escape(Figures.run(info))).append(info.project().isEmpty() ? "" : ", project `" + info.project() + "`")
                .append(".\n\n");
        var columns = Figures.columns(report).stream().filter(f -> f.windows() > 0 || f.phase().equals("whole")).toList();
        out.append("| |");
        columns.forEach(f -> out.append(' ').append(f.phase()).append(" |"));
        out.append("\n|---|");
        columns.forEach(f -> out.append("---:|"));
        out.append('\n');
        for (var row : Figures.rows(report, false)) {
            if (row.name().equals("successes") || row.name().equals("p90") || row.name().equals("p99.9")) {
                continue;
            }
            out.append("| ").append(row.name()).append(" |");
            columns.forEach(f -> out.append(' ').append(row.cell().apply(f)).append(" |"));
            out.append('\n');
        }
        out.append('\n');
        if (!report.vitals().series().isEmpty()) {
            out.append("| vital signs, min..max |");
            columns.forEach(f -> out.append(' ').append(f.phase()).append(" |"));
            out.append("\n|---|");
            columns.forEach(f -> out.append("---:|"));
            out.append('\n');
            for (var s : report.vitals().series()) {
                out.append("| ").append(escape(s.tier() + ": " + s.title())).append(" |");
                // Ranges are listed whole, baseline, fault, recovery: the columns shown are a subset, by name.
                columns.forEach(f -> s.phases().stream().filter(r -> r.phase().equals(f.phase())).findFirst()
                        .ifPresent(r -> out.append(' ').append(Figures.range(r, s.unit())).append(" |")));
                out.append('\n');
            }
            out.append('\n');
        }
        for (var f : report.faults()) {
            out.append("- fault `").append(Figures.fault(f)).append("` at ").append(Format.seconds(f.at())).append(": ")
                    .append(Figures.recovery(f)).append('\n');
        }
        for (var h : report.datacenters()) {
            out.append("- users of `").append(h.datacenter()).append("`: ")
                    .append(Format.percent(h.whole().availability())).append(" available");
            h.faults().forEach(f -> out.append(", ").append(Figures.recovery(f)).append(" after ")
                    .append(Format.seconds(f.at())));
            out.append('\n');
        }
        report.generators().forEach(g -> out.append("- generator ").append(g.generator()).append(" (seed ")
                .append(g.seed()).append(", ").append(Format.rate(g.rate())).append("): ").append(g.attempts())
                .append(" requests, ").append(g.dropped()).append(" dropped, ").append(g.failed()).append(" failed, p99 ")
                .append(Format.millis(g.p99Ms())).append('\n'));
        var c = report.consistency();
        out.append("- consistency: ").append(c.lostWrites()).append(" lost writes of ").append(c.acknowledgedWrites())
                .append(" acknowledged, ").append(c.staleReads()).append(" stale reads, ").append(c.lostSessions())
                .append(" lost sessions\n");
        if (report.jobs().any()) {
            out.append("- jobs: ").append(Figures.jobs(report.jobs())).append("\n");
        }
        out.append("- error budget: ").append(Figures.budget(report.errorBudget())).append("\n");
        Figures.guardrails(report).forEach(g -> out.append("- ").append(escape(g)).append('\n'));
        if (!report.hypothesis().isEmpty()) {
            out.append("\n| hypothesis | observed | |\n|---|---|---|\n");
            report.hypothesis().forEach(h -> out.append("| `").append(h.name()).append(": ").append(escape(h.expression()))
                    .append("` | ").append(escape(h.observed())).append(" | ").append(h.passed() ? "PASS" : "**FAIL**")
                    .append(" |\n"));
        }
        out.append('\n').append(Figures.verdictLine(report)).append('\n');
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
