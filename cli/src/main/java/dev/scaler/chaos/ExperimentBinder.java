package dev.scaler.chaos;

import dev.scaler.load.Journey;
import dev.scaler.load.JourneyMix;
import dev.scaler.load.LoadShape;
import dev.scaler.load.Stage;
import dev.scaler.report.Hypothesis;
import dev.scaler.report.HypothesisException;
import dev.scaler.report.SpanLines;
import dev.scaler.yaml.Durations;
import dev.scaler.yaml.ListNode;
import dev.scaler.yaml.Location;
import dev.scaler.yaml.MapNode;
import dev.scaler.yaml.MapReader;
import dev.scaler.yaml.Node;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.ScalarNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Binds a located YAML tree to an {@link Experiment} or a {@link Gameday}: defaults, limits, and the rules that
 * span steps (times within the load, restores that undo something). Every problem goes to {@link Problems}; the
 * defaults and limits are the ones documented in docs/experiments.md.
 */
final class ExperimentBinder {

    /** Experiment names, which are also file names under chaos-scripts/. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    static final String NAME_EXPECTED = "a name: a lowercase letter, then up to 62 lowercase letters, digits or '-'";
    private static final Pattern RATE = Pattern.compile("(\\d{1,7}(?:\\.\\d{1,3})?)\\s*(?:/s)?");
    private static final String RATE_EXPECTED = "arrivals per second above 0 and at most 1000000, like 200/s";
    private static final String STAGE_RATE_EXPECTED = "arrivals per second from 0 to 1000000, like 400/s";
    static final int MAX_STEPS = 200;
    static final int MAX_ABORT_LINES = 20;

    private final String text;
    private final Problems problems;

    ExperimentBinder(String text, Problems problems) {
        this.text = text;
        this.problems = problems;
    }

    /** The script; empty (with a problem recorded) when the file holds no usable mapping. */
    Optional<ChaosScript> bind(Node root) {
        if (root instanceof ScalarNode scalar && scalar.isNull()) {
            problems.add(root, "the file is empty; an experiment needs a name and steps (see docs/experiments.md)");
            return Optional.empty();
        }
        if (!(root instanceof MapNode map)) {
            problems.add(root, "the top level must be a mapping of fields (name, description, load, steps,"
                    + " hypothesis), got " + root.describe());
            return Optional.empty();
        }
        MapReader top = new MapReader(map, "", problems);
        if (top.has("gameday")) {
            return Optional.of(gameday(top));
        }
        return Optional.of(experiment(top));
    }

    /** An experiment read from the top-level mapping (a describing reader writes the schema). */
    Experiment experiment(MapReader top) {
        String name = name(top);
        String description = top.string("description", "");
        Optional<MapReader> loadReader = top.section("load");
        Load load = loadReader.map(this::load).orElse(Load.DEFAULT);
        Duration cooldown = top.duration("cooldown", Duration.ZERO, Duration.ZERO, Duration.ofHours(24));
        if (cooldown.compareTo(load.duration()) >= 0) {
            top.problem("cooldown", "the cooldown (" + Durations.format(cooldown) + ") must be shorter than"
                    + " load.duration (" + Durations.format(load.duration()) + ")");
            cooldown = Duration.ZERO;
        }
        // When the duration or the cooldown is wrong, their stand-ins would judge the steps' times unfairly.
        boolean timesKnown = !top.failed("cooldown") && loadReader.map(r -> !r.failed("duration")).orElse(true);
        List<Step> steps = steps(top, load, cooldown, timesKnown);
        Map<String, String> hypothesis = lines(top, "hypothesis", "hypothesis", Hypothesis::parse);
        Optional<SteadyState> steadyState = top.section("steadyState")
                .flatMap(r -> steadyState(r, load, steps, timesKnown));
        List<AbortLine> abort = abort(top, load, timesKnown);
        top.rejectUnknown();
        return new Experiment(name, description, load, steps, hypothesis, cooldown, steadyState, abort);
    }

    /**
     * The steady state, with the rules that tie it to the schedule: seen for {@code for} seconds in a row, within
     * {@code within} of the start, and known before the first fault (the last requests of a second may take
     * load.timeout to end, so {@code within} plus the timeout is at most the first step's time).
     */
    private Optional<SteadyState> steadyState(MapReader r, Load load, List<Step> steps, boolean timesKnown) {
        r.require("lines", r.path() + ": missing required field 'lines' (what the baseline must show before the"
                + " first fault, for example lines: { availability: \">= 99%\", p99: \"<= 500ms\" })");
        if (r.node("lines").filter(n -> n instanceof MapNode m ? m.entries().isEmpty()
                : n instanceof ScalarNode scalar && scalar.isNull()).isPresent()) {
            r.problem("lines", "expected at least one line, like availability: \">= 99%\"");
        }
        Map<String, String> lines = lines(r, "lines", r.field("lines"), SpanLines::check);
        Duration span = wholeSeconds(r, "for", r.duration("for", SteadyState.DEFAULT_SPAN, Duration.ofSeconds(1),
                AbortLine.LONGEST));
        Optional<Duration> first = steps.stream().map(Step::at).min(Duration::compareTo);
        // The latest moment the steady state can be known by: the first fault, less the requests' timeout.
        Optional<Duration> latest = first.filter(at -> timesKnown && !r.failed("for"))
                .map(at -> Duration.ofSeconds(at.minus(load.timeout()).toSeconds()));
        boolean written = r.has("within");
        Duration within = wholeSeconds(r, "within", r.duration("within", latest.orElse(span), Duration.ofSeconds(1),
                Duration.ofHours(24)));
        r.rejectUnknown();
        if (lines.isEmpty() || r.failed("lines") || r.failed("within") || latest.isEmpty()) {
            return Optional.empty();
        }
        String before = "the first step at " + Durations.format(first.get()) + " less load.timeout ("
                + Durations.format(load.timeout()) + ", the time the last requests of a second may take)";
        if (written && within.compareTo(latest.get()) > 0) {
            r.problem("within", "the steady state must be known before the first fault: " + Durations.format(within)
                    + " is after " + before + "; make within at most " + Durations.format(latest.get())
                    + ", or the first step later");
            return Optional.empty();
        }
        if (span.compareTo(within) > 0) {
            r.problem("for", Durations.format(span) + " in a row do not fit in " + (written
                    ? "within (" + Durations.format(within) + ")" : Durations.format(within) + ", " + before)
                    + "; make for shorter" + (written ? " or within longer" : " or the first step later"));
            return Optional.empty();
        }
        return Optional.of(new SteadyState(lines, span, within));
    }

    /** {@code value} when it is whole seconds (windows are one second), else a problem and one second. */
    private static Duration wholeSeconds(MapReader r, String key, Duration value) {
        if (value.toMillis() % 1000 != 0) {
            r.problem(key, "expected whole seconds (the run is judged one second at a time), got "
                    + Durations.format(value));
            return Duration.ofSeconds(Math.max(1, value.toSeconds()));
        }
        return value;
    }

    /** The abort lines: each read with {@link AbortLine#parse}, its span within the load. */
    private List<AbortLine> abort(MapReader top, Load load, boolean timesKnown) {
        var lines = new ArrayList<AbortLine>();
        var selections = new Selections(text, problems);
        var items = top.texts("abort", 1, MAX_ABORT_LINES, "an abort line such as " + AbortLine.EXAMPLE);
        for (var item : items.orElse(List.of())) {
            selections.read(item, "abort", AbortLine::parse).ifPresent(line -> {
                if (timesKnown && line.over().compareTo(load.duration()) > 0) {
                    problems.add(item, "abort: the span of '" + line.text() + "' (" + Durations.format(line.over())
                            + ") is longer than load.duration (" + Durations.format(load.duration()) + ")");
                } else {
                    lines.add(line);
                }
            });
        }
        return lines;
    }

    private String name(MapReader top) {
        top.require("name", "missing required field 'name' (the experiment's name, for example"
                + " `name: kill-primary`)");
        return top.string("name", "unnamed", NAME, NAME_EXPECTED);
    }

    private Load load(MapReader r) {
        Optional<String> written = r.string("rate", RATE, RATE_EXPECTED);
        double rate = written.map(ExperimentBinder::rate).orElse(Load.DEFAULT_RATE);
        if (!(rate > 0) || rate > 1_000_000) {
            r.problem("rate", "expected " + RATE_EXPECTED + ", got '" + written.orElse("") + "'");
            rate = Load.DEFAULT_RATE;
        }
        Duration duration = r.duration("duration", Load.DEFAULT_DURATION, Duration.ofSeconds(1),
                Duration.ofHours(24));
        Optional<LoadShape> stages = r.listOfMaps("stages", 1, 100).flatMap(list -> stages(r, list));
        if (r.has("stages") && (r.has("rate") || r.has("duration"))) {
            r.problem("stages", "give rate and duration, or stages, not both: the stages say the rate over time and"
                    + " how long the load lasts");
        }
        // A value that is not a mapping is reported by section(); its stand-in would only add "must add up".
        JourneyMix journeys = r.section("journeys").filter(j -> r.node("journeys").orElseThrow() instanceof MapNode)
                .map(this::journeys).orElse(JourneyMix.DEFAULT);
        Duration timeout = r.duration("timeout", Load.DEFAULT_TIMEOUT, Duration.ofMillis(1), Duration.ofMinutes(5));
        int users = r.integer("users", Load.DEFAULT_USERS, 1, 1_000_000);
        r.rejectUnknown();
        return new Load(stages.orElse(LoadShape.constant(rate, duration)), journeys, timeout, users);
    }

    private static double rate(String written) {
        return Double.parseDouble(RATE.matcher(written).replaceFirst("$1"));
    }

    /**
     * The stages of a load, k6's {@code stages: [{duration: 30s, target: 50}, ...]}: each ramps from the previous
     * target (0 before the first) to its own; empty (with the problems recorded) when one is wrong.
     */
    private Optional<LoadShape> stages(MapReader load, List<MapReader> items) {
        var stages = new ArrayList<Stage>();
        boolean wrong = false;
        for (MapReader item : items) {
            item.require("duration", item.path() + ": missing required field 'duration' (how long this stage ramps"
                    + " to its target, like 30s; 0s jumps)");
            item.require("target", item.path() + ": missing required field 'target' (the arrival rate this stage"
                    + " ends at, like 400/s)");
            Duration d = item.duration("duration", Duration.ZERO, Duration.ZERO, Duration.ofHours(24));
            Optional<String> target = item.string("target", RATE, STAGE_RATE_EXPECTED);
            item.rejectUnknown();
            wrong |= item.failed("duration") || item.failed("target") || target.isEmpty() || !item.has("duration");
            target.map(ExperimentBinder::rate).filter(t -> t <= 1_000_000)
                    .ifPresent(t -> stages.add(new Stage(d.toNanos() / 1e9, t)));
        }
        if (wrong || stages.size() != items.size()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LoadShape(stages));
        } catch (IllegalArgumentException e) {
            load.problem("stages", e.getMessage());
            return Optional.empty();
        }
    }

    private JourneyMix journeys(MapReader r) {
        var weights = new EnumMap<Journey, Integer>(Journey.class);
        for (Journey journey : Journey.values()) {
            if (r.has(journey.label())) {
                weights.put(journey, r.integer(journey.label(), 0, 0, 1000));
            }
        }
        r.rejectUnknown();
        if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            if (weights.keySet().stream().noneMatch(j -> r.failed(j.label()))) {
                problems.add(r.location(), r.path() + ": the weights must add up to more than 0, like"
                        + " { browse: 70, write: 20, login: 10 }");
            }
            return JourneyMix.DEFAULT;
        }
        return new JourneyMix(weights);
    }

    private List<Step> steps(MapReader top, Load load, Duration cooldown, boolean timesKnown) {
        top.require("steps", "missing required field 'steps' (what to break and when, for example"
                + " `steps: [{ at: 10s, kill: database.primary }]`; for load without faults use scaler load)");
        List<MapReader> items = top.listOfMaps("steps", 1, MAX_STEPS).orElse(List.of());
        int before = problems.size();
        var binder = new StepBinder(new Selections(text, problems), problems,
                timesKnown ? Optional.of(new StepBinder.Times(load.duration(), cooldown)) : Optional.empty());
        var steps = new ArrayList<Step>();
        for (int i = 0; i < items.size(); i++) {
            binder.bind(items.get(i), i).ifPresent(steps::add);
        }
        // Only judge what restores undo when every step was read: a step dropped for a typo would otherwise make
        // a second problem the user did not make.
        if (problems.size() == before && timesKnown) {
            Schedule.build(steps, load.duration().minus(cooldown), load.duration(), restore -> {
                var target = ((ContainerAction.Restore) restore.action()).target();
                items.get(restore.index()).problem("restore", "nothing to restore: no kill, stop or pause of "
                        + target.text() + " is in effect before " + Durations.format(restore.at())
                        + " (a restore undoes the latest earlier kill, stop or pause of the same target, written the"
                        + " same way)");
            });
        }
        return steps;
    }

    /**
     * A mapping of hypothesis lines under {@code key}, each checked by {@code check}; a bad line is reported at its
     * value (or at its name when the name is unknown), with the message naming {@code field}.
     */
    private Map<String, String> lines(MapReader r, String key, String field, Consumer<Map<String, String>> check) {
        var lines = new LinkedHashMap<String, String>();
        Optional<Node> node = r.node(key);
        if (node.isEmpty() || node.get() instanceof ScalarNode scalar && scalar.isNull()) {
            return lines;
        }
        if (!(node.get() instanceof MapNode map)) {
            r.problem(key, "expected a mapping of lines such as availability: \">= 99%\", got "
                    + node.get().describe());
            return lines;
        }
        for (MapNode.Entry entry : map.entries()) {
            String expression = entry.value() instanceof ScalarNode s && !s.isNull() ? s.text() : "";
            if (!(entry.value() instanceof ScalarNode)) {
                problems.add(entry.value(), field + " " + entry.key() + ": expected a comparison such as"
                        + " \"<= 500ms\", got " + entry.value().describe());
                continue;
            }
            try {
                check.accept(Map.of(entry.key(), expression));
                lines.put(entry.key(), expression);
            } catch (HypothesisException e) {
                boolean known = Hypothesis.names().stream().anyMatch(n -> n.equalsIgnoreCase(entry.key().strip()))
                        && SpanLines.unfit(entry.key()).isEmpty();
                Location at = known ? entry.value().location() : entry.keyLocation();
                e.problems().forEach(p -> problems.add(at, p.startsWith("hypothesis") ? field
                        + p.substring("hypothesis".length()) : field + ": " + p));
            }
        }
        return lines;
    }

    /** A gameday read from the top-level mapping (a describing reader writes the schema). */
    Gameday gameday(MapReader top) {
        String name = name(top);
        String description = top.string("description", "");
        var experiments = new ArrayList<String>();
        Optional<Node> list = top.node("gameday");
        if (list.isPresent() && list.get() instanceof ListNode items && !items.items().isEmpty()) {
            for (Node item : items.items()) {
                if (item instanceof ScalarNode s && !s.isNull() && NAME.matcher(s.text()).matches()) {
                    if (s.text().equals(name)) {
                        problems.add(item, "gameday: '" + name + "' is this gameday; it cannot run itself");
                    }
                    experiments.add(s.text());
                } else {
                    problems.add(item, "gameday: expected the name of an experiment (" + NAME_EXPECTED + "), got "
                            + item.describe());
                }
            }
        } else {
            top.problem("gameday", "expected a list of experiment names, like [kill-primary, kill-web], got "
                    + (list.get() instanceof ListNode ? "an empty list" : list.get().describe()));
        }
        Duration settle = top.duration("settle", Duration.ofSeconds(10), Duration.ZERO, Duration.ofHours(1));
        top.rejectUnknown();
        return new Gameday(name, description, experiments, settle);
    }
}
