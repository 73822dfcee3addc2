package dev.scaler.chaos;

import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Undoes one fault: unpauses, starts what was killed or stopped (when the experiment says so), removes toxics, puts a
 * cluster node back (started, thawed, reconnected, active).
 */
public final class Undo {

    /** What undoing did, for the run's timeline and for people. */
    public record Outcome(Fault fault, boolean ok, String what) {
    }

    private final Engine engine;
    private final Supplier<Optional<Faults>> faults;

    /** @param faults the project's proxies, asked for only when a network fault is undone */
    public Undo(Engine engine, Supplier<Optional<Faults>> faults) {
        this.engine = engine;
        this.faults = faults;
    }

    /** Never throws: a rollback that fails is reported, and the others still run. */
    public Outcome undo(Fault fault) {
        try {
            return switch (fault) {
                case Fault.OnContainer c -> container(c);
                case Fault.OnLink l -> link(l);
                case Fault.OnNode n -> new Outcome(n, true, NodeFaults.undo(n));
            };
        } catch (RuntimeException e) {
            return new Outcome(fault, false, "could not undo " + fault.action() + " of " + fault.target() + ": "
                    + (e instanceof EngineException ee ? ee.getMessage() : e.toString()));
        }
    }

    private Outcome container(Fault.OnContainer c) {
        if (engine.containers(Optional.empty()).stream().noneMatch(o -> o.id().equals(c.containerId()))) {
            return new Outcome(c, true, c.container() + " is gone (removed or replaced); nothing to undo");
        }
        switch (c.action()) {
            case "pause" -> {
                engine.unpause(c.containerId());
                return new Outcome(c, true, "unpaused " + c.container());
            }
            case "kill", "stop" -> {
                if (!c.restart()) {
                    return new Outcome(c, true, c.container() + " left stopped, as the experiment says "
                            + "(failover covers it; `scaler up` starts it again)");
                }
                engine.start(c.containerId());
                return new Outcome(c, true, "started " + c.container());
            }
            default -> {
                return new Outcome(c, true, "nothing to undo for " + c.action());
            }
        }
    }

    private Outcome link(Fault.OnLink l) {
        var proxies = faults.get();
        if (proxies.isEmpty()) {
            return new Outcome(l, false, "the project's Toxiproxy does not answer; toxic " + l.toxic() + " on "
                    + l.proxy() + " may still be there (it goes with `scaler down`)");
        }
        proxies.get().remove(l.proxy(), l.toxic());
        return new Outcome(l, true, "removed " + l.action() + " from " + l.proxy());
    }
}
