package dev.scaler.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * An experiment's steps in time order, with what the tool does by itself: the end of a network fault whose
 * {@code duration} runs out, and the rollback, at {@link Experiment#rollbackAt()}, of every fault still in effect
 * (kills and stops with {@code rollback: start}, pauses, network faults). Pure: the runner walks the entries and
 * the dry run prints them.
 *
 * <p>At the same time, a fault's own end comes before a step, and the rollback after every step; otherwise
 * steps keep the order they were written in.
 */
public record Schedule(List<Entry> entries, Duration rollbackAt, Duration end) {

    public Schedule {
        entries = List.copyOf(entries);
    }

    /** One thing that happens at one time. */
    public sealed interface Entry permits Apply, Undo {
        Duration at();

        /** The step it comes from: the step itself, or the step whose fault ends. */
        Step step();
    }

    /**
     * A step as written. {@code undoes} holds the faults it ends, whose containers or toxics it acts on: for a
     * restore the latest earlier kill, stop or pause of the same target (always one); for a start the latest
     * kill or stop of the same target, for an unpause the latest pause, if any; for a heal every network fault
     * on that link (every one for {@code heal: all}).
     */
    public record Apply(Step step, List<Step> undoes) implements Entry {
        public Apply {
            undoes = List.copyOf(undoes);
        }

        @Override
        public Duration at() {
            return step.at();
        }
    }

    /** The tool ends {@code step}'s fault: its toxic is removed, or its containers are started or unpaused. */
    public record Undo(Duration at, Step step, Why why) implements Entry {
    }

    /** Why the tool ends a fault by itself. */
    public enum Why {
        /** A network fault's {@code duration} ran out. */
        DURATION,
        /** The experiment's faults are rolled back before the cooldown. */
        ROLLBACK
    }

    /**
     * The schedule of an experiment the loader accepted.
     *
     * @throws IllegalArgumentException when a restore undoes nothing (the loader reports that as a problem)
     */
    public static Schedule of(Experiment experiment) {
        return build(experiment.steps(), experiment.rollbackAt(), experiment.load().duration(), restore -> {
            throw new IllegalArgumentException("steps[" + restore.index() + "]: nothing to restore");
        });
    }

    /** Builds the schedule; {@code unmatched} hears of every restore with no fault in effect to undo. */
    static Schedule build(List<Step> steps, Duration rollbackAt, Duration end, Consumer<Step> unmatched) {
        var ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparing(Step::at).thenComparingInt(Step::index));
        var entries = new ArrayList<Entry>();
        var active = new LinkedHashMap<Integer, Step>(); // faults in effect, by step index, in the order applied
        var heals = new PriorityQueue<Step>(Comparator.comparing((Step s) -> s.healsAt().orElseThrow())
                .thenComparingInt(Step::index));
        for (Step step : ordered) {
            endDurations(heals, active, step.at(), entries);
            List<Step> undoes = undoes(step, active);
            if (step.action() instanceof ContainerAction.Restore && undoes.isEmpty()) {
                unmatched.accept(step);
            }
            undoes.forEach(s -> {
                active.remove(s.index());
                heals.remove(s);
            });
            if (isFault(step.action())) {
                active.put(step.index(), step);
                step.duration().ifPresent(d -> heals.add(step));
            }
            entries.add(new Apply(step, undoes));
        }
        endDurations(heals, active, rollbackAt, entries);
        for (Step step : active.values().stream().sorted(Comparator.comparing(Step::at)
                .thenComparingInt(Step::index)).toList()) {
            if (rolledBack(step.action())) {
                entries.add(new Undo(rollbackAt, step, Why.ROLLBACK));
            }
        }
        return new Schedule(entries, rollbackAt, end);
    }

    private static void endDurations(PriorityQueue<Step> heals, Map<Integer, Step> active, Duration until,
            List<Entry> entries) {
        while (!heals.isEmpty() && heals.peek().healsAt().orElseThrow().compareTo(until) <= 0) {
            Step healed = heals.poll();
            active.remove(healed.index());
            entries.add(new Undo(healed.healsAt().orElseThrow(), healed, Why.DURATION));
        }
    }

    /** Whether the action leaves something broken until it is undone. */
    static boolean isFault(Action action) {
        return action instanceof NetworkFault || action instanceof NodeAction
                || action instanceof ContainerAction c && c.takesDown();
    }

    /** Whether the rollback undoes it when it is still in effect: all but kills and stops with rollback: leave. */
    static boolean rolledBack(Action action) {
        return switch (action) {
            case ContainerAction.Kill k -> k.rollback() == Rollback.START;
            case ContainerAction.Stop s -> s.rollback() == Rollback.START;
            default -> isFault(action);
        };
    }

    /** The faults in effect that a step ends (see {@link Apply#undoes()}). */
    private static List<Step> undoes(Step step, Map<Integer, Step> active) {
        return switch (step.action()) {
            case ContainerAction.Restore r -> latest(active, r.target(), a -> ((ContainerAction) a).takesDown());
            case ContainerAction.Start s -> latest(active, s.target(),
                    a -> a instanceof ContainerAction.Kill || a instanceof ContainerAction.Stop);
            case ContainerAction.Unpause u -> latest(active, u.target(), a -> a instanceof ContainerAction.Pause);
            case Heal h -> active.values().stream().filter(s -> s.action() instanceof NetworkFault f
                    && h.link().map(f.link()::equals).orElse(true)).toList();
            default -> List.of();
        };
    }

    private static List<Step> latest(Map<Integer, Step> active, Target target,
            java.util.function.Predicate<Action> kind) {
        Optional<Step> found = Optional.empty();
        for (Step s : active.values()) {
            if (s.action() instanceof ContainerAction c && c.target().equals(target) && kind.test(c)) {
                found = Optional.of(s);
            }
        }
        return found.map(List::of).orElse(List.of());
    }
}
