package dev.scaler.chaos;

import dev.scaler.report.TextTable;
import dev.scaler.yaml.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What {@code scaler chaos NAME --dry-run} shows: every entry of the {@link Schedule} with its target as written
 * and, given a snapshot of the running project, as it would resolve now (roles change, so the run resolves
 * again when each step comes). Plain data, so the CLI writes it as JSON as it is; {@link #text()} is the table.
 *
 * @param resolved whether the targets were resolved against a running project
 * @param needs       what the experiment needs of a topology ({@link Needs#of})
 * @param steadyState what the baseline must show before the first fault, in words; empty when nothing
 * @param abort       the abort lines, as written
 */
public record DryRun(String experiment, String description, long seed, String load, String rollbackAt,
        boolean resolved, List<String> needs, List<Row> rows, String steadyState, List<String> abort) {

    private static final String NOT_NOW = "not now: ";

    public DryRun {
        needs = List.copyOf(needs);
        rows = List.copyOf(rows);
        abort = List.copyOf(abort);
    }

    /**
     * One line of the schedule.
     *
     * @param target   as written: a target, a link, or {@code all}
     * @param resolved the containers or proxies it names now; empty when not resolved or when it names nothing
     * @param note     what else to know: rollback, toxicity, what it undoes, or why it names nothing now
     */
    public record Row(String at, String action, String target, List<String> resolved, String note) {
        public Row {
            resolved = List.copyOf(resolved);
        }
    }

    /** The dry run of an experiment; {@code snapshot} empty when no project is running to resolve against. */
    public static DryRun of(Experiment experiment, Optional<Snapshot> snapshot, long seed) {
        Schedule schedule = Schedule.of(experiment);
        RandomGenerator random = Targets.random(seed);
        Map<Integer, List<String>> chosen = new HashMap<>();
        var rows = new ArrayList<Row>();
        for (Schedule.Entry entry : schedule.entries()) {
            Step step = entry.step();
            String target = written(step.action());
            rows.add(switch (entry) {
                case Schedule.Apply apply when !apply.undoes().isEmpty()
                        && step.action() instanceof ContainerAction -> {
                    Step undone = apply.undoes().get(0);
                    List<String> names = chosen.getOrDefault(undone.index(), List.of());
                    chosen.put(step.index(), names);
                    yield new Row(time(step), step.action().summary(), target, names, "undoes the "
                            + undone.action().keyword() + " at " + time(undone));
                }
                case Schedule.Apply apply -> {
                    var resolution = snapshot.map(s -> resolve(step.action(), s, random));
                    List<String> names = resolution.map(Resolution::names).orElse(List.of());
                    chosen.put(step.index(), names);
                    String why = resolution.flatMap(Resolution::problem).map(p -> NOT_NOW + p).orElse("");
                    yield new Row(time(step), step.action().summary(), target, names,
                            join(note(step, apply.undoes()), why));
                }
                case Schedule.Undo undo -> new Row(Durations.format(undo.at()), undoing(step.action()), target,
                        chosen.getOrDefault(step.index(), List.of()), (undo.why() == Schedule.Why.DURATION
                        ? "the " + step.action().keyword() + " at " + time(step) + " heals itself after "
                        + Durations.format(step.duration().orElseThrow())
                        : "rollback of the " + step.action().keyword() + " at " + time(step)));
            });
        }
        Load load = experiment.load();
        String loadText = (load.shape().constant() ? load.shape().toString()
                : "stages " + load.shape() + " (" + Durations.format(load.duration()) + ")") + " ("
                + load.journeys() + ", timeout " + Durations.format(load.timeout()) + ", " + load.users() + " users)";
        String steadyState = experiment.steadyState().map(s -> String.join(", ", s.lines().entrySet().stream()
                .map(l -> l.getKey() + " " + l.getValue()).toList()) + " for " + Durations.format(s.span())
                + " in a row, within " + Durations.format(s.within()) + "; else nothing is injected").orElse("");
        return new DryRun(experiment.name(), experiment.description(), seed, loadText,
                Durations.format(schedule.rollbackAt()), snapshot.isPresent(), Needs.of(experiment), rows,
                steadyState, experiment.abort().stream().map(AbortLine::text).toList());
    }

    /** Why the first step that names nothing on the running project cannot be carried out now, if one does not. */
    public Optional<String> notNow() {
        return rows.stream().map(Row::note).filter(note -> note.contains(NOT_NOW)).findFirst()
                .map(note -> note.substring(note.indexOf(NOT_NOW) + NOT_NOW.length()));
    }

    /** The table, with a header line; "-" where nothing was resolved. */
    public String text() {
        var out = new StringBuilder(experiment).append(": load ").append(load).append("; rollback at ")
                .append(rollbackAt).append("; seed ").append(seed).append('\n');
        if (!needs.isEmpty()) {
            out.append("needs: ").append(String.join(", ", needs)).append('\n');
        }
        if (!steadyState.isEmpty()) {
            out.append("steady state first: ").append(steadyState).append('\n');
        }
        if (!abort.isEmpty()) {
            out.append("abort when: ").append(String.join("; ", abort))
                    .append(" (every fault is then rolled back at once)\n");
        }
        if (!resolved) {
            out.append("(targets not resolved: no running project to resolve them against)\n");
        }
        var table = new TextTable("AT", "ACTION", "TARGET", resolved ? "RESOLVES NOW TO" : "RESOLVED", "NOTE").left();
        for (Row row : rows) {
            table.row(row.at(), row.action(), row.target(), row.resolved().isEmpty() ? "-"
                    : String.join(", ", row.resolved()), row.note());
        }
        return out.append(table.render("  ")).toString();
    }

    /** What one resolution gave: names, or why there are none. */
    private record Resolution(List<String> names, Optional<String> problem) {
    }

    private static Resolution resolve(Action action, Snapshot snapshot, RandomGenerator random) {
        try {
            return new Resolution(switch (action) {
                case ContainerAction.Restore r -> List.of(); // always paired by the loader: never reached
                case ContainerAction c -> Targets.choose(c, snapshot, random).names();
                case NetworkFault f -> Links.proxies(f.link(), snapshot);
                case Heal h -> h.link().isPresent() ? Links.proxies(h.link().get(), snapshot)
                        : List.copyOf(snapshot.proxies());
                // A cluster node is chosen when the step runs (node.leader is whoever leads then).
                case NodeAction n -> List.of();
            }, Optional.empty());
        } catch (TargetNotFoundException e) {
            return new Resolution(List.of(), Optional.of(e.getMessage()));
        }
    }

    private static String written(Action action) {
        return switch (action) {
            case ContainerAction c -> c.target().text();
            case NetworkFault f -> f.link().text();
            case Heal h -> h.link().map(Link::text).orElse("all");
            case NodeAction n -> n.target().text();
        };
    }

    /** What undoing a fault is called: start after kill or stop, unpause after pause, heal after a toxic. */
    private static String undoing(Action fault) {
        return switch (fault) {
            case ContainerAction.Pause p -> "unpause";
            case ContainerAction c -> "start";
            case NodeAction.PauseNode p -> "thaw";
            case NodeAction.PartitionNode p -> "reconnect";
            case NodeAction.DrainNode d -> "activate";
            case NodeAction n -> "start";
            default -> "heal";
        };
    }

    private static String note(Step step, List<Step> undoes) {
        var parts = new ArrayList<String>();
        switch (step.action()) {
            case ContainerAction.Kill k -> parts.add(rollback(k.rollback()));
            case ContainerAction.Stop s -> parts.add(rollback(s.rollback()));
            case NetworkFault f -> {
                if (step.toxicity() < 1) {
                    parts.add("toxicity " + step.toxicity());
                }
                step.duration().ifPresent(d -> parts.add("for " + Durations.format(d)));
            }
            default -> {
            }
        }
        undoes.forEach(u -> parts.add("ends the " + u.action().keyword() + " at " + time(u)));
        return String.join("; ", parts);
    }

    private static String rollback(Rollback rollback) {
        return rollback == Rollback.START ? "rollback: start" : "rollback: leave (not started again)";
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    private static String time(Step step) {
        return Durations.format(step.at());
    }
}
