package dev.scaler.chaos;

import dev.scaler.load.Window;
import dev.scaler.report.Hypothesis;
import dev.scaler.report.HypothesisException;
import dev.scaler.report.SpanLines;
import dev.scaler.yaml.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One abort line of an experiment, {@code availability over 10s < 50%}: when the comparison holds over the last
 * {@code over} seconds of the run, every fault is rolled back at once. The line and its comparison are those of the
 * hypothesis ({@link Hypothesis}), limited to what a span of seconds can answer ({@link SpanLines}).
 *
 * @param line       the line's name, as a hypothesis line: availability, p99, dropped, ...
 * @param comparison the operator and the bound, like {@code < 50%}
 */
public record AbortLine(String text, String line, Duration over, String comparison) {
    /** The longest span an abort line may watch. */
    public static final Duration LONGEST = Duration.ofHours(1);
    static final String EXAMPLE = "availability over 10s < 50%";
    private static final Pattern WORD = Pattern.compile("\\s*([A-Za-z0-9]+)");
    private static final Pattern OVER = Pattern.compile("\\s+over\\b");
    private static final Pattern SPAN = Pattern.compile("\\s+(\\S+)");
    private static final Pattern OPERATOR = Pattern.compile("\\s*(<=|>=|==|<|>)");

    /** Reads a line; a {@link SelectorException} says where in the text the bad part starts. */
    public static AbortLine parse(String text) throws SelectorException {
        Matcher word = WORD.matcher(text);
        if (!word.lookingAt()) {
            throw new SelectorException(0, "expected an abort line such as " + EXAMPLE + ", got '" + text + "'");
        }
        String line = word.group(1);
        int at = word.start(1);
        boolean known = Hypothesis.names().stream().anyMatch(n -> n.equals(line));
        if (!known || SpanLines.unfit(line).isPresent()) {
            throw new SelectorException(at, SpanLines.unfit(line).orElse("unknown line '" + line + "'; an abort line"
                    + " watches one of " + String.join(", ", SpanLines.NAMES) + " (like " + EXAMPLE + ")"));
        }
        int end = word.end();
        Matcher over = OVER.matcher(text).region(end, text.length());
        if (!over.lookingAt()) {
            throw new SelectorException(end, "expected 'over' and a span after '" + line + "', like " + EXAMPLE);
        }
        Matcher span = SPAN.matcher(text).region(over.end(), text.length());
        Optional<Duration> duration = span.lookingAt() ? Durations.parse(span.group(1)) : Optional.empty();
        int spanAt = span.lookingAt() ? span.start(1) : over.end();
        if (duration.isEmpty() || duration.get().toMillis() % 1000 != 0 || duration.get().isZero()
                || duration.get().compareTo(LONGEST) > 0) {
            throw new SelectorException(spanAt, "expected a span of whole seconds from 1s to "
                    + Durations.format(LONGEST) + " after 'over', like " + EXAMPLE);
        }
        Matcher operator = OPERATOR.matcher(text).region(span.end(), text.length());
        if (!operator.lookingAt()) {
            int next = span.end();
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            throw new SelectorException(next, "expected a comparison (<, <=, >, >= or ==) after the span, like "
                    + EXAMPLE);
        }
        String comparison = text.substring(operator.start(1)).strip();
        try {
            SpanLines.check(Map.of(line, comparison));
        } catch (HypothesisException e) {
            throw new SelectorException(operator.start(1), String.join("; ", e.problems()));
        }
        return new AbortLine(text.strip(), line, duration.get(), comparison);
    }

    /** The span in seconds. */
    public int seconds() {
        return (int) over.toSeconds();
    }

    /** What was observed when the line trips on {@code span} (its last {@link #seconds()} windows); else empty. */
    public Optional<String> breach(List<Window> span) {
        var check = SpanLines.judge(Map.of(line, comparison), span).get(0);
        return check.passed() ? Optional.of(check.observed()) : Optional.empty();
    }
}
