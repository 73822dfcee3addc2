package dev.scaler.chaos;

import dev.scaler.yaml.Durations;
import dev.scaler.yaml.MapReader;
import dev.scaler.yaml.Problems;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Binds one step: {@code at}, exactly one action key, and {@code duration}, {@code toxicity} and
 * {@code rollback} where the action takes them. Network faults are read by {@link NetworkFaultBinder}.
 */
final class StepBinder {

    /** The action keys, in the order messages list them. */
    static final List<String> CONTAINER_ACTIONS = StepAction.keys(StepAction.Written.TARGET);
    static final List<String> ACTIONS = StepAction.keys(StepAction.Written.values());

    private static final Pattern TOXICITY = Pattern.compile("0|1|0?\\.\\d{1,6}|[01]\\.\\d{1,6}");
    private static final String TOXICITY_EXPECTED = "a number from 0 to 1 (the share of connections the fault"
            + " applies to), like 0.5";
    static final String TARGET_EXPECTED = "a target such as web, database.primary or shard[1].replica";
    static final String NODE_EXPECTED = "a cluster node such as node[2], node:dc:eu-west, node.leader or node:without:lb";

    /** The load's duration and the cooldown, when both were read without problems. */
    record Times(Duration load, Duration cooldown) {
        Duration rollbackAt() {
            return load.minus(cooldown);
        }
    }

    private final Selections selections;
    private final Problems problems;
    private final Optional<Times> times;
    private final NetworkFaultBinder network;

    StepBinder(Selections selections, Problems problems, Optional<Times> times) {
        this.selections = selections;
        this.problems = problems;
        this.times = times;
        this.network = new NetworkFaultBinder(selections, problems);
    }

    /** The step, or empty when its action could not be read (the problem is recorded). */
    Optional<Step> bind(MapReader r, int index) {
        r.require("at", r.path() + ": missing required field 'at' (when the step runs, counted from the start of"
                + " the load, like at: 10s)");
        Duration at = r.duration("at", Duration.ZERO, Duration.ZERO, Duration.ofHours(24));
        List<String> written = ACTIONS.stream().filter(r::has)
                .sorted(Comparator.comparing((String key) -> r.keyWhere(key).orElseThrow())).toList();
        for (String extra : written.subList(Math.min(1, written.size()), written.size())) {
            problems.add(r.keyWhere(extra).orElseThrow(), r.path() + ": a step does one thing, and this one has '"
                    + written.get(0) + "' (line " + r.keyWhere(written.get(0)).orElseThrow().line() + ") and '" + extra
                    + "'; split them into two steps, at the same time if need be");
        }
        if (written.isEmpty()) {
            problems.add(r.location(), r.path() + ": a step needs an action: one of " + String.join(", ", ACTIONS));
        }
        Rollback rollback = r.oneOf("rollback", Rollback.START, Rollback::spelling);
        Optional<Action> action = written.isEmpty() ? Optional.empty() : action(r, written.get(0), rollback);
        Optional<Duration> duration = r.has("duration")
                ? Optional.of(r.duration("duration", Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofHours(24)))
                : Optional.empty();
        double toxicity = toxicity(r);
        action.ifPresent(a -> onlyWhereMeaningful(r, a));
        r.rejectUnknown();
        if (action.isEmpty()) {
            return Optional.empty();
        }
        boolean network = action.get() instanceof NetworkFault;
        times.filter(t -> !r.failed("at")).ifPresent(t -> within(r, at, t,
                network && !r.failed("duration") ? duration : Optional.empty()));
        return Optional.of(new Step(index, at, action.get(), network ? duration : Optional.empty(),
                network ? toxicity : 1));
    }

    private Optional<Action> action(MapReader r, String key, Rollback rollback) {
        if (NodeAction.KEYS.contains(key)) {
            return r.scalar(key, NODE_EXPECTED).flatMap(node -> selections.read(node, r.field(key), Selectors::node))
                    .map(t -> NodeAction.of(key, t));
        }
        if (!CONTAINER_ACTIONS.contains(key)) {
            return network.bind(r, key);
        }
        Optional<Target> target = r.scalar(key, TARGET_EXPECTED)
                .flatMap(node -> selections.read(node, r.field(key), Selectors::target));
        Function<Target, ContainerAction> make = switch (key) {
            case "kill" -> t -> new ContainerAction.Kill(t, rollback);
            case "stop" -> t -> new ContainerAction.Stop(t, rollback);
            case "start" -> ContainerAction.Start::new;
            case "pause" -> ContainerAction.Pause::new;
            case "unpause" -> ContainerAction.Unpause::new;
            default -> ContainerAction.Restore::new;
        };
        return target.map(make);
    }

    private double toxicity(MapReader r) {
        return r.string("toxicity", TOXICITY, TOXICITY_EXPECTED).map(Double::parseDouble).filter(t -> {
            if (t > 1) {
                r.problem("toxicity", "expected " + TOXICITY_EXPECTED + ", got '" + t + "'");
                return false;
            }
            return true;
        }).orElse(1.0);
    }

    /** duration and toxicity belong to network faults, rollback to kill and stop. */
    private void onlyWhereMeaningful(MapReader r, Action action) {
        if (!(action instanceof NetworkFault)) {
            String what = action instanceof Heal ? "a heal" : "a " + action.keyword();
            if (r.has("duration")) {
                r.problem("duration", "duration applies to network faults, which then heal by themselves; " + what
                        + (action instanceof ContainerAction c && c.takesDown()
                        ? " is undone by a later restore step, or at the rollback"
                        : action instanceof NodeAction ? " is undone at the rollback" : " takes none"));
            }
            if (r.has("toxicity")) {
                r.problem("toxicity", "toxicity applies to network faults (the share of connections they affect); "
                        + what + " takes none");
            }
        }
        if (r.has("rollback") && !(action instanceof ContainerAction.Kill || action instanceof ContainerAction.Stop)) {
            r.problem("rollback", "rollback applies to kill and stop; "
                    + (action instanceof ContainerAction.Pause ? "a pause is always undone at the rollback"
                    : action instanceof NetworkFault ? "a network fault is always healed at the rollback"
                    : action instanceof NodeAction ? "a node fault is always undone at the rollback"
                    : "a " + action.keyword() + " has nothing to roll back"));
        }
    }

    /** A step happens before the rollback, and a network fault with a duration heals by then too. */
    private void within(MapReader r, Duration at, Times t, Optional<Duration> duration) {
        String limit = t.cooldown().isZero()
                ? "the load ends at " + Durations.format(t.load())
                : "the rollback at " + Durations.format(t.rollbackAt()) + " (load.duration "
                + Durations.format(t.load()) + " minus cooldown " + Durations.format(t.cooldown()) + ")";
        if (at.compareTo(t.rollbackAt()) >= 0) {
            r.problem("at", "at " + Durations.format(at) + " is not before " + limit
                    + "; make the step earlier or the load longer");
            return;
        }
        if (duration.isPresent() && at.plus(duration.get()).compareTo(t.rollbackAt()) > 0) {
            r.problem("duration", "the fault would heal at " + Durations.format(at.plus(duration.get())) + ", after "
                    + limit + "; shorten it, or leave out duration to heal it at the rollback");
        }
    }
}
