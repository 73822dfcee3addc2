package dev.scaler.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JUnit XML: one test case per hypothesis line, a failure element for each line that did not hold. */
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
        long tests = reports.stream().mapToLong(r -> r.hypothesis().size()).sum() + skipped.size();
        long failures = reports.stream().flatMap(r -> r.hypothesis().stream()).filter(c -> !c.passed()).count();
        double seconds = reports.stream().mapToDouble(r -> r.run().seconds()).sum();
        out.append("<testsuites name=\"scaler\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" time=\"").append(String.format(Locale.ROOT, "%.3f", seconds)).append("\">\n");
        reports.forEach(r -> suite(out, r));
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

    private static void suite(StringBuilder out, Report report) {
        long failures = report.hypothesis().stream().filter(c -> !c.passed()).count();
        String suite = "scaler." + report.run().kind()
                + (report.run().experiment().isEmpty() ? "" : "." + report.run().experiment()) + "." + report.run().id();
        String time = String.format(Locale.ROOT, "%.3f", report.run().seconds());
        out.append("  <testsuite name=\"").append(xml(suite)).append("\" tests=\"").append(report.hypothesis().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"").append(time)
                .append("\" timestamp=\"").append(xml(report.run().startedAt().replaceFirst("(\\.\\d+)?Z$", "")))
                .append("\">\n");
        out.append("    <properties>\n");
        property(out, "run", report.run().id());
        property(out, "seed", Long.toString(report.run().seed()));
        property(out, "availability", Format.percent(report.whole().availability()));
        property(out, "p99", Format.millis(report.whole().latency().p99()));
        out.append("    </properties>\n");
        for (var c : report.hypothesis()) {
            out.append("    <testcase classname=\"").append(xml(suite)).append("\" name=\"").append(xml(c.name() + " "
                    + c.expression())).append("\" time=\"0\">");
            if (c.passed()) {
                out.append("<system-out>").append(xml("observed " + c.observed())).append("</system-out>");
            } else {
                String message = c.name() + " " + c.expression() + " failed: observed " + c.observed();
                out.append("\n      <failure message=\"").append(xml(message)).append("\" type=\"hypothesis\">")
                        .append(xml(message)).append("</failure>\n    ");
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
