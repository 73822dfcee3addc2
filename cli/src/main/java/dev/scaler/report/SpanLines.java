package dev.scaler.report;

import dev.scaler.load.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hypothesis lines judged on a span of one-second windows taken together, not on the whole run: the steady state
 * an experiment's baseline must meet before the first fault, and the abort lines watched while it runs. Only the
 * lines a span can answer are allowed (a lost write is only known once the load is over).
 */
public final class SpanLines {
    /** The lines a span of windows can answer, in the order reports show them. */
    public static final List<String> NAMES = List.of("availability", "p50", "p90", "p99", "p999", "max", "dropped");

    private static final Report.Consistency NOTHING_CHECKED = new Report.Consistency(0, 0, 0, 0, 0, List.of(),
            List.of());

    private SpanLines() {
    }

    /** What is wrong with a line's name for a span, if anything (unknown lines are left to {@link Hypothesis}). */
    public static Optional<String> unfit(String name) {
        boolean known = Hypothesis.names().stream().anyMatch(n -> n.equalsIgnoreCase(name.strip()));
        if (!known || NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(name.strip()))) {
            return Optional.empty();
        }
        return Optional.of("'" + name.strip() + "' is only known once the load is over, so it cannot be watched"
                + " second by second; use " + String.join(", ", NAMES));
    }

    /** Parses every line, refusing those a span cannot answer; a {@link HypothesisException} lists every problem. */
    public static void check(Map<String, String> lines) {
        var problems = new ArrayList<String>();
        lines.forEach((name, expression) -> {
            var unfit = unfit(name);
            if (unfit.isPresent()) {
                problems.add(unfit.get());
                return;
            }
            try {
                Hypothesis.parse(Map.of(name, expression));
            } catch (HypothesisException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new HypothesisException(problems);
        }
    }

    /** Each line judged on the windows taken together (a span with no request fails every line). */
    public static List<Report.Check> judge(Map<String, String> lines, List<Window> span) {
        check(lines);
        Report.Figures figures = Analysis.figures(Phases.WHOLE, 0, span.size(), span);
        return Analysis.judge(lines, figures, List.of(), NOTHING_CHECKED, Analysis.errorBudget(1, figures),
                Optional.empty());
    }

    /** The checks as one line for people: {@code availability >= 99%: 100.00%, p99 <= 500ms: 12.1ms}. */
    public static String describe(List<Report.Check> checks) {
        return String.join(", ", checks.stream().map(c -> c.name() + " " + c.expression() + ": " + c.observed())
                .toList());
    }
}
