package dev.scaler.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * JUnit XML: one test case per hypothesis line (a failure element for each line that did not hold), one for the steady
 * state and one for the abort lines when the run had them, and availability against the SLO when it had no lines.
 */
public final class JunitReport {
    private JunitReport() {
    }

    public static String render(Report report) {
        return render(List.of(report), Map.of());
    }

    /**
     * Several runs in one document (a gameday): one test suite per run, and one per experiment that was skipped,
     * holding a single skipped test case that says why.
     */
    public static String render(List<Report> reports, Map<String, String> skipped) {
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var cases = reports.stream().map(JunitReport::cases).toList();
        long tests = cases.stream().mapToLong(List::size).sum() + skipped.size();
        long failures = cases.stream().flatMap(List::stream).filter(c -> c.failure().isPresent()).count();
        double seconds = reports.stream().mapToDouble(r -> r.run().seconds()).sum();
        out.append("<testsuites name=\"scaler\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" time=\"").append(String.format(Locale.ROOT, "%.3f", seconds)).append("\">\n");
        for (int i = 0; i < reports.size(); i++) {
            suite(out, reports.get(i), cases.get(i));
        }
        skipped.forEach((name, why) -> {
            String suite = "scaler.chaos." + name;
            out.append("  <testsuite name=\"").append(xml(suite)).append("\" tests=\"1\" failures=\"0\" errors=\"0\""
                    + " skipped=\"1\" time=\"0\">\n    <testcase classname=\"").append(xml(suite)).append("\" name=\"")
                    .append(xml(name)).append("\" time=\"0\"><skipped message=\"").append(xml(why))
                    .append("\"/></testcase>\n  </testsuite>\n");
        });
        out.append("</testsuites>\n");
        return out.toString();
    }

    /** One test case: passed (with what was observed), failed (its type and message) or skipped (why). */
    record Case(String name, String observed, Optional<String> failureType, Optional<String> failure,
            Optional<String> skipped) {
        static Case passed(String name, String observed) {
            return new Case(name, observed, Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Case failed(String name, String type, String message) {
            return new Case(name, "", Optional.of(type), Optional.of(message), Optional.empty());
        }

        static Case skipped(String name, String why) {
            return new Case(name, "", Optional.empty(), Optional.empty(), Optional.of(why));
        }
    }

    /**
     * A run's test cases: the steady state and the abort lines when it had them, then one per hypothesis line
     * (skipped when the steady state was not met: nothing was injected to judge). A run without hypothesis lines is
     * judged by its availability against the SLO, so a pipeline's test view always has a case.
     */
    static List<Case> cases(Report report) {
        var cases = new ArrayList<Case>();
        var steady = report.guardrails().steadyState();
        String steadyName = "steady state " + lines(steady.lines());
        switch (steady.outcome()) {
            case "none" -> {
            }
            case Event.MET -> cases.add(Case.passed(steadyName, steady.detail()));
            case Event.NOT_MET -> cases.add(Case.failed(steadyName, Verdict.FAILED_PRECONDITION.text(),
                    "steady state not met: " + steady.detail() + "; nothing was injected"));
            default -> cases.add(Case.skipped(steadyName, "the run ended before the steady state was decided"));
        }
        var abort = report.guardrails().abort();
        if (!abort.lines().isEmpty()) {
            String name = "abort lines: " + String.join("; ", abort.lines());
            cases.add(abort.tripped() ? Case.failed(name, Verdict.ABORTED.text(), abort.line() + " tripped at "
                    + Format.seconds(abort.at()) + ": observed " + abort.observed() + "; every fault rolled back "
                    + String.format(Locale.ROOT, "%.2fs", abort.rollbackSeconds()) + " later")
                    : Case.passed(name, "none tripped"));
        }
        boolean notJudged = report.verdict().equals(Verdict.FAILED_PRECONDITION.text());
        for (var c : report.hypothesis()) {
            String name = c.name() + " " + c.expression();
            if (notJudged) {
                cases.add(Case.skipped(name, "not judged: the steady state was not met, nothing was injected"));
            } else if (c.passed()) {
                cases.add(Case.passed(name, c.observed()));
            } else {
                cases.add(Case.failed(name, "hypothesis", name + " failed: observed " + c.observed()));
            }
        }
        if (report.hypothesis().isEmpty()) {
            double slo = report.errorBudget().slo();
            Double availability = report.whole().availability();
            String name = "availability >= " + Format.percent(slo) + " (the SLO; the run has no hypothesis lines)";
            String observed = availability == null ? "no requests" : Format.percent(availability);
            cases.add(availability != null && availability >= slo - 1e-12 ? Case.passed(name, observed)
                    : Case.failed(name, "slo", name + " failed: observed " + observed));
        }
        return cases;
    }

    private static String lines(Map<String, String> lines) {
        var parts = new ArrayList<String>();
        lines.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    private static void suite(StringBuilder out, Report report, List<Case> cases) {
        long failures = cases.stream().filter(c -> c.failure().isPresent()).count();
        long skipped = cases.stream().filter(c -> c.skipped().isPresent()).count();
        String suite = "scaler." + report.run().kind()
                + (report.run().experiment().isEmpty() ? "" : "." + report.run().experiment()) + "." + report.run().id();
        String time = String.format(Locale.ROOT, "%.3f", report.run().seconds());
        out.append("  <testsuite name=\"").append(xml(suite)).append("\" tests=\"").append(cases.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(time)
                .append("\" timestamp=\"").append(xml(report.run().startedAt().replaceFirst("(\\.\\d+)?Z$", "")))
                .append("\">\n");
        out.append("    <properties>\n");
        property(out, "run", report.run().id());
        property(out, "seed", Long.toString(report.run().seed()));
        property(out, "verdict", report.verdict());
        property(out, "availability", Format.percent(report.whole().availability()));
        property(out, "p99", Format.millis(report.whole().latency().p99()));
        out.append("    </properties>\n");
        for (var c : cases) {
            out.append("    <testcase classname=\"").append(xml(suite)).append("\" name=\"").append(xml(c.name()))
                    .append("\" time=\"0\">");
            if (c.failure().isPresent()) {
                out.append("\n      <failure message=\"").append(xml(c.failure().get())).append("\" type=\"")
                        .append(xml(c.failureType().orElseThrow())).append("\">").append(xml(c.failure().get()))
                        .append("</failure>\n    ");
            } else if (c.skipped().isPresent()) {
                out.append("<skipped message=\"").append(xml(c.skipped().get())).append("\"/>");
            } else {
                out.append("<system-out>").append(xml("observed " + c.observed())).append("</system-out>");
            }
            out.append("</testcase>\n");
        }
        out.append("  </testsuite>\n");
    }

    private static void property(StringBuilder out, String name, String value) {
        out.append("      <property name=\"").append(xml(name)).append("\" value=\"").append(xml(value)).append("\"/>\n");
    }

    static String xml(String s) {
        var out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
