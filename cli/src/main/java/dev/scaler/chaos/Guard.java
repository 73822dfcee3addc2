package dev.scaler.chaos;

import dev.scaler.load.Window;
import dev.scaler.report.Report;
import dev.scaler.report.SpanLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guardrails of one run judged on its one-second windows, fed in order as they settle: whether the baseline met
 * the steady state before the first fault, and whether an abort line tripped while faults could be in effect (from
 * the start to the rollback). Pure: it only says what it decided; {@link Watch} acts on it.
 */
public final class Guard {

    /** What one window made the guard decide. */
    public sealed interface Decision {
    }

    /** The steady-state lines held over seconds {@code from} to {@code to}: the first fault may come. */
    public record Met(int from, int to, List<Report.Check> checks) implements Decision {
    }

    /** No span of the steady state's length held within its time: nothing may be injected. */
    public record NotMet(int from, int to, List<Report.Check> checks) implements Decision {
    }

    /** An abort line's comparison held over seconds {@code from} to {@code to}: roll every fault back now. */
    public record Breach(AbortLine line, int from, int to, String observed) implements Decision {
    }

    private final Optional<SteadyState> steadyState;
    private final List<AbortLine> abort;
    private final double watchUntil;
    private final List<Window> windows = new ArrayList<>();
    private boolean steady;
    private boolean over;

    /** The guard of {@code experiment}: its steady state and its abort lines, watched until its rollback. */
    public Guard(Experiment experiment) {
        this.steadyState = experiment.steadyState();
        this.abort = experiment.abort();
        this.watchUntil = experiment.rollbackAt().toMillis() / 1000.0;
        this.steady = steadyState.isEmpty();
    }

    /** Whether there is anything to watch: a steady state or abort lines. */
    public boolean watches() {
        return steadyState.isPresent() || !abort.isEmpty();
    }

    /** Whether it has decided all it will: the steady state was not met, a line tripped, or the rollback came. */
    public boolean done() {
        return over;
    }

    /** Takes the next window (second 0, then 1, ...) and says what it decided, if anything. */
    public List<Decision> add(Window window) {
        if (over) {
            return List.of();
        }
        windows.add(window);
        int seen = windows.size();
        var decisions = new ArrayList<Decision>();
        if (!steady) {
            var s = steadyState.orElseThrow();
            int span = (int) s.span().toSeconds();
            List<Report.Check> checks = seen >= span ? SpanLines.judge(s.lines(), last(span)) : List.of();
            if (seen >= span && checks.stream().allMatch(Report.Check::passed)) {
                steady = true;
                decisions.add(new Met(seen - span, seen, checks));
            } else if (seen >= s.within().toSeconds()) {
                over = true;
                decisions.add(new NotMet(Math.max(0, seen - span), seen, checks));
                return decisions;
            }
        }
        for (AbortLine line : abort) {
            if (seen >= line.seconds()) {
                var observed = line.breach(last(line.seconds()));
                if (observed.isPresent()) {
                    over = true;
                    decisions.add(new Breach(line, seen - line.seconds(), seen, observed.get()));
                    return decisions;
                }
            }
        }
        if (steady && (abort.isEmpty() || seen >= watchUntil)) {
            over = true;
        }
        return decisions;
    }

    private List<Window> last(int n) {
        return windows.subList(windows.size() - n, windows.size());
    }
}
