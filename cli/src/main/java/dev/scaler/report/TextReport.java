package dev.scaler.report;

/** The terminal summary: phases as columns, faults with their recovery, consistency, hypothesis lines with PASS/FAIL. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(Report report) {
        var out = new StringBuilder();
        RunInfo info = report.run();
        out.append("run ").append(info.id()).append(info.project().isEmpty() ? "" : " (project " + info.project() + ")")
                .append('\n');
        out.append("  ").append(Figures.run(info)).append('\n');
        out.append("  targets ").append(String.join(", ", info.targets())).append("\n\n");
        var columns = Figures.columns(report);
        var header = new String[columns.size() + 1];
        header[0] = "";
        for (int i = 0; i < columns.size(); i++) {
            header[i + 1] = columns.get(i).phase();
        }
        var table = new TextTable(header);
        for (var row : Figures.rows(report, true)) {
            var cells = new String[columns.size() + 1];
            cells[0] = row.name();
            for (int i = 0; i < columns.size(); i++) {
                cells[i + 1] = row.cell().apply(columns.get(i));
            }
            table.row(cells);
        }
        out.append(table.render("  ")).append('\n');
        var vitals = report.vitals();
        if (!vitals.series().isEmpty()) {
            out.append("vital signs, min..max (").append(Figures.samplerCost(vitals)).append(")\n");
            var signs = new TextTable(header);
            for (var s : vitals.series()) {
                var cells = new String[columns.size() + 1];
                cells[0] = s.tier() + ": " + s.title();
                for (int i = 0; i < columns.size(); i++) {
                    cells[i + 1] = Figures.range(s.phases().get(i), s.unit());
                }
                signs.row(cells);
            }
            out.append(signs.render("  ")).append('\n');
            if (!vitals.roleChanges().isEmpty()) {
                out.append("roles, as the servers said them\n");
                var roles = new TextTable("at", "container", "was", "now").left();
                vitals.roleChanges().forEach(c -> roles.row(Format.seconds(c.t()), c.container(), c.from(), c.to()));
                out.append(roles.render("  ")).append('\n');
            }
        }
        if (!report.faults().isEmpty()) {
            out.append("faults\n");
            var faults = new TextTable("at", "fault", "recovery").left();
            report.faults().forEach(f -> faults.row(Format.seconds(f.at()), Figures.fault(f), Figures.recovery(f)));
            out.append(faults.render("  ")).append('\n');
        }
        if (!report.datacenters().isEmpty()) {
            out.append("datacenters (users by home entry point)\n");
            var homes = new TextTable("home", "requests", "availability", "recovery").left();
            report.datacenters().forEach(h -> homes.row(h.datacenter(), Long.toString(h.whole().attempts()),
                    Format.percent(h.whole().availability()), String.join("; ", h.faults().stream()
                            .map(f -> Format.seconds(f.at()) + " " + Figures.recovery(f)).toList())));
            out.append(homes.render("  ")).append('\n');
        }
        var moves = Figures.taskMoves(report);
        if (!moves.isEmpty()) {
            out.append("tasks on the swarm (Swarm's own view, once a second)\n");
            var tasks = new TextTable("at", "task", "what").left();
            moves.forEach(m -> tasks.row(m.toArray(String[]::new)));
            out.append(tasks.render("  ")).append('\n');
        }
        if (!report.generators().isEmpty()) {
            out.append("generators (each its share of the rate; the figures above are all of them merged)\n");
            var generators = new TextTable(Figures.GENERATOR_COLUMNS);
            Figures.generators(report).forEach(generators::row);
            out.append(generators.render("  ")).append('\n');
        }
        var c = report.consistency();
        out.append("consistency   ").append(c.acknowledgedWrites()).append(" acknowledged writes, ").append(c.lostWrites())
                .append(" lost, ").append(c.staleReads()).append(" stale reads, ").append(c.lostSessions())
                .append(" lost sessions\n");
        if (report.jobs().any()) {
            out.append("jobs          ").append(Figures.jobs(report.jobs())).append("\n");
        }
        out.append("error budget  ").append(Figures.budget(report.errorBudget())).append("\n");
        if (!report.hypothesis().isEmpty()) {
            out.append("\nhypothesis\n");
            var lines = new TextTable("", "line", "observed").left();
            report.hypothesis().forEach(h -> lines.row(h.passed() ? "PASS" : "FAIL", h.name() + " " + h.expression(),
                    h.observed()));
            out.append(lines.render("  "));
        }
        var guardrails = Figures.guardrails(report);
        if (!guardrails.isEmpty()) {
            out.append("\nguardrails\n");
            guardrails.forEach(g -> out.append("  ").append(g).append('\n'));
        }
        out.append('\n').append(Figures.verdictLine(report)).append('\n');
        return out.toString();
    }
}
