package dev.scaler.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hypothesis lines such as {@code availability: ">= 99%"}, {@code p99: "<= 500ms"}, {@code recovery: "<= 10s"},
 * {@code faultAvailability: ">= 90%"}, {@code lostWrites: 0}, {@code lostJobs: 0}, {@code backlogDrain: "<= 60s"}: parsed with
 * clear errors, judged against a report's figures (the whole run's, or the fault phase's).
 */
public final class Hypothesis {

    /** What a line measures, its unit and the comparison a bare number means. */
    enum Metric {
        AVAILABILITY("availability", Unit.PERCENT, ">="),
        /** Of the pages' static assets fetched through the CDN, apart from the pages. */
        ASSET_AVAILABILITY("assetAvailability", Unit.PERCENT, ">="),
        /** Of the requests scheduled while a fault was in effect: how far a fault reaches (its blast radius). */
        FAULT_AVAILABILITY("faultAvailability", Unit.PERCENT, ">="),
        P50("p50", Unit.TIME, "<="),
        P90("p90", Unit.TIME, "<="),
        P99("p99", Unit.TIME, "<="),
        P999("p999", Unit.TIME, "<="),
        MAX("max", Unit.TIME, "<="),
        RECOVERY("recovery", Unit.TIME, "<="),
        LOST_WRITES("lostWrites", Unit.COUNT, "<="),
        STALE_READS("staleReads", Unit.COUNT, "<="),
        LOST_SESSIONS("lostSessions", Unit.COUNT, "<="),
        DROPPED("dropped", Unit.COUNT, "<="),
        /** Jobs confirmed (202) and never done by a worker. */
        LOST_JOBS("lostJobs", Unit.COUNT, "<="),
        /** Jobs done more than once. */
        DUPLICATE_JOBS("duplicateJobs", Unit.COUNT, "<="),
        /** Jobs done after the job deadline, or never. */
        LATE_JOBS("lateJobs", Unit.COUNT, "<="),
        /** Submission to result. */
        JOB_LATENCY_P50("jobLatencyP50", Unit.TIME, "<="),
        JOB_LATENCY_P99("jobLatencyP99", Unit.TIME, "<="),
        /** From the backlog's peak to a tenth of it. */
        BACKLOG_DRAIN("backlogDrain", Unit.TIME, "<="),
        ERROR_BUDGET("errorBudget", Unit.PERCENT, "<=");

        final String key;
        final Unit unit;
        final String defaultOp;

        Metric(String key, Unit unit, String defaultOp) {
            this.key = key;
            this.unit = unit;
            this.defaultOp = defaultOp;
        }
    }

    enum Unit {
        PERCENT, TIME, COUNT
    }

    /** One parsed line; {@code threshold} in percent, milliseconds or a count. */
    record Line(Metric metric, String op, double threshold, String text) {
        boolean holds(double observed) {
            return switch (op) {
                case "<=" -> observed <= threshold + 1e-9;
                case "<" -> observed < threshold;
                case ">=" -> observed >= threshold - 1e-9;
                case ">" -> observed > threshold;
                default -> Math.abs(observed - threshold) < 1e-9;
            };
        }
    }

    private static final Pattern EXPRESSION = Pattern.compile("(<=|>=|==|=|<|>)?\\s*(\\d+(?:\\.\\d+)?)\\s*([a-z%]*)");

    private Hypothesis() {
    }

    /** Every known line name, in the order reports show them. */
    public static List<String> names() {
        return java.util.Arrays.stream(Metric.values()).map(m -> m.key).toList();
    }

    /** Parses every line; a {@link HypothesisException} lists every problem. */
    public static List<Line> parse(Map<String, String> lines) {
        var parsed = new ArrayList<Line>();
        var problems = new ArrayList<String>();
        lines.forEach((name, expression) -> {
            try {
                parsed.add(parseLine(name, expression));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new HypothesisException(problems);
        }
        return parsed;
    }

    static Line parseLine(String name, String expression) {
        Metric metric = null;
        for (Metric m : Metric.values()) {
            if (m.key.equalsIgnoreCase(name.strip())) {
                metric = m;
            }
        }
        if (metric == null) {
            throw new IllegalArgumentException("hypothesis: unknown line '" + name + "'" + suggestion(name) + "; the lines are "
                    + String.join(", ", names()));
        }
        String text = expression == null ? "" : expression.strip();
        Matcher m = EXPRESSION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("hypothesis " + metric.key + ": '" + text + "' is not a comparison; write it like "
                    + example(metric));
        }
        String op = m.group(1) == null ? metric.defaultOp : m.group(1).equals("=") ? "==" : m.group(1);
        double number = Double.parseDouble(m.group(2));
        String unit = m.group(3);
        double threshold = switch (metric.unit) {
            case PERCENT -> {
                if (!unit.equals("%")) {
                    throw new IllegalArgumentException("hypothesis " + metric.key + ": '" + text + "' needs a % (e.g. "
                            + example(metric) + ")");
                }
                if (number > 100) {
                    throw new IllegalArgumentException("hypothesis " + metric.key + ": " + number + "% is above 100%");
                }
                yield number;
            }
            case TIME -> switch (unit) {
                case "ms" -> number;
                case "s" -> number * 1000;
                case "m" -> number * 60_000;
                case "" -> throw new IllegalArgumentException("hypothesis " + metric.key + ": '" + text
                        + "' needs a unit: ms, s or m (e.g. " + example(metric) + ")");
                default -> throw new IllegalArgumentException("hypothesis " + metric.key + ": unknown unit '" + unit
                        + "'; use ms, s or m (e.g. " + example(metric) + ")");
            };
            case COUNT -> {
                if (!unit.isEmpty() || number != Math.floor(number)) {
                    throw new IllegalArgumentException("hypothesis " + metric.key + ": '" + text
                            + "' must be a whole number of " + metric.key + " (e.g. " + example(metric) + ")");
                }
                yield number;
            }
        };
        return new Line(metric, op, threshold, text);
    }

    private static String example(Metric m) {
        return switch (m) {
            case AVAILABILITY, ASSET_AVAILABILITY, FAULT_AVAILABILITY -> "\">= 99%\"";
            case ERROR_BUDGET -> "\"<= 100%\"";
            case RECOVERY, BACKLOG_DRAIN -> "\"<= 10s\"";
            case JOB_LATENCY_P50, JOB_LATENCY_P99 -> "\"<= 2s\"";
            case P50, P90, P99, P999, MAX -> "\"<= 500ms\"";
            default -> "0 or \"<= 3\"";
        };
    }

    private static String suggestion(String name) {
        String best = null;
        int bestDistance = 3;
        for (String known : names()) {
            int d = distance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
