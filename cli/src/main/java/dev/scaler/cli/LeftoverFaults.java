package dev.scaler.cli;

import dev.scaler.chaos.Journal;
import dev.scaler.chaos.Leftovers;
import dev.scaler.chaos.ProjectProxies;
import dev.scaler.chaos.Undo;
import dev.scaler.engine.Engine;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** Every command of a project first undoes what a crashed experiment left in effect, and says what it undid. */
final class LeftoverFaults {
    private LeftoverFaults() {
    }

    /** Undoes a dead run's faults on the project; returns what was found so a caller can refuse to act over a live run. */
    static Leftovers.Found undo(Engine engine, String project, PrintWriter err) {
        var journal = Journal.of(StateDir.resolve(), project);
        var proxies = ProjectProxies.open(engine, project);
        try {
            var found = Leftovers.undo(journal, new Undo(engine, () -> proxies), proxies);
            switch (found) {
                case Leftovers.Undone u -> {
                    err.printf("scaler: an experiment on %s%s did not finish; undoing what it left:%n", project,
                            u.run().isEmpty() ? "" : " (run " + u.run() + ")");
                    // A partition is two toxics on one proxy: one line says it.
                    u.outcomes().stream().map(o -> (o.ok() ? "-" : "!") + " " + o.what()).distinct()
                            .forEach(line -> err.printf("  %s%n", line));
                    if (!u.complete()) {
                        err.printf("  the rest is tried again by the next command (journal: %s)%n", journal.file());
                    }
                }
                case Leftovers.Running r -> err.printf("scaler: experiment run %s (pid %d) is in progress on %s; "
                        + "faults in effect: %s%n", r.owner().run(), r.owner().pid(), project,
                        r.inEffect().isEmpty() ? "none" : r.inEffect().stream()
                                .map(f -> f.action() + " " + f.target()).collect(Collectors.joining(", ")));
                case Leftovers.Clean c -> {
                }
            }
            err.flush();
            return found;
        } finally {
            proxies.ifPresent(f -> f.close());
        }
    }
}
