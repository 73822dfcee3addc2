package dev.scaler.chaos;

/** An action on whole containers, through Docker; only containers labelled with the project can be targets. */
public sealed interface ContainerAction extends Action {

    /** The containers, as written. */
    Target target();

    /** Whether it takes containers down (kill, stop, pause) rather than bringing them back. */
    default boolean takesDown() {
        return this instanceof Kill || this instanceof Stop || this instanceof Pause;
    }

    /** SIGKILL: the process dies at once, as in a crash or an out-of-memory kill. */
    record Kill(Target target, Rollback rollback) implements ContainerAction {
        @Override
        public String keyword() {
            return "kill";
        }
    }

    /** A graceful stop (SIGTERM, then SIGKILL after Docker's grace period). */
    record Stop(Target target, Rollback rollback) implements ContainerAction {
        @Override
        public String keyword() {
            return "stop";
        }
    }

    /** Starts stopped containers (the ones an earlier kill or stop of the same target took down, if any). */
    record Start(Target target) implements ContainerAction {
        @Override
        public String keyword() {
            return "start";
        }
    }

    /** Freezes every process of the containers: a long GC pause or a hung host. Always undone at the end. */
    record Pause(Target target) implements ContainerAction {
        @Override
        public String keyword() {
            return "pause";
        }
    }

    /** Unfreezes paused containers (the ones an earlier pause of the same target froze, if any). */
    record Unpause(Target target) implements ContainerAction {
        @Override
        public String keyword() {
            return "unpause";
        }
    }

    /**
     * Undoes the latest earlier kill, stop or pause of the same target, on the containers that one chose: after
     * {@code kill: database.primary} the old primary comes back (and rejoins as a replica), not the new one.
     */
    record Restore(Target target) implements ContainerAction {
        @Override
        public String keyword() {
            return "restore";
        }
    }
}
