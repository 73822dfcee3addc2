package dev.scaler.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an experiment that did not finish (the process was killed, the machine rebooted) left in effect, undone by
 * the next `scaler` command of that project: every journaled fault not yet undone, latest first, and any toxic
 * named {@code scaler-...} still on the project's proxies (the names runs give their toxics: with no run going on,
 * none should be there). Toxics someone added by hand under other names are theirs and stay.
 */
public final class Leftovers {

    /** What was found. */
    public sealed interface Found {
    }

    /** Nothing left behind. */
    public record Clean() implements Found {
    }

    /** An experiment is running now in another process: its faults are meant to be there. */
    public record Running(Journal.Owner owner, List<Fault> inEffect) implements Found {
    }

    /** A crashed run's faults, and what undoing each did. */
    public record Undone(String run, List<Undo.Outcome> outcomes) implements Found {
        /** True when every fault was undone. */
        public boolean complete() {
            return outcomes.stream().allMatch(Undo.Outcome::ok);
        }
    }

    /** The prefix of every toxic a run adds. */
    public static final String OURS = "scaler-";

    private Leftovers() {
    }

    /**
     * Undoes what a dead run left; leaves a live run alone. The journal goes away only when everything was undone,
     * so a rollback that failed (the engine was down) is tried again by the next command.
     */
    public static Found undo(Journal journal, Undo rollback, Optional<Faults> proxies) {
        var state = journal.read();
        if (state.owner().isPresent() && state.owner().get().alive()) {
            return new Running(state.owner().get(), state.pending());
        }
        var outcomes = new ArrayList<Undo.Outcome>();
        var pending = new ArrayList<>(state.pending());
        Collections.reverse(pending);
        for (Fault fault : pending) {
            var outcome = rollback.undo(fault);
            outcomes.add(outcome);
            if (outcome.ok()) {
                journal.undone(fault.id());
            }
        }
        int next = -1;
        for (var entry : proxies.map(Faults::active).orElse(Map.of()).entrySet()) {
            for (Toxic toxic : entry.getValue().stream().filter(t -> t.name().startsWith(OURS)).toList()) {
                var stray = new Fault.OnLink(next--, toxic.type(), entry.getKey(), entry.getKey(), toxic.name());
                if (pending.stream().noneMatch(f -> f instanceof Fault.OnLink l && l.proxy().equals(entry.getKey())
                        && l.toxic().equals(toxic.name()))) {
                    outcomes.add(rollback.undo(stray));
                }
            }
        }
        boolean complete = outcomes.stream().allMatch(Undo.Outcome::ok);
        if (complete) {
            journal.end();
        }
        if (outcomes.isEmpty()) {
            return new Clean();
        }
        return new Undone(state.owner().map(Journal.Owner::run).orElse(""), outcomes);
    }
}
