package dev.scaler.cli;

import java.util.Map;

/**
 * How progress is shown, decided once from the flags, whether a person watches a terminal, and the environment:
 * live lines redrawn in place, plain timestamped lines (a CI log, a pipe, {@code --verbose}), or none
 * ({@code --quiet}); colour unless {@code NO_COLOR} is set or the output is not a terminal.
 */
record OutputStyle(Mode mode, boolean color, boolean verbose) {

    /** What progress looks like. */
    enum Mode {
        /** One line per container or step, rewritten in place. */
        LIVE,
        /** One timestamped line per event, which reads the same in a log. */
        PLAIN,
        /** Nothing but results, warnings and errors. */
        QUIET
    }

    /** The global flags; both at once is a usage error. */
    record Flags(boolean quiet, boolean verbose) {
        static Flags of(boolean quiet, boolean verbose) {
            if (quiet && verbose) {
                throw new UsageException("--quiet and --verbose contradict each other: give one");
            }
            return new Flags(quiet, verbose);
        }
    }

    /** The decision: {@code terminal} is whether standard output is a terminal; {@code env} the environment. */
    static OutputStyle of(Flags flags, boolean terminal, Map<String, String> env) {
        boolean ci = isSet(env, "CI") && !"false".equalsIgnoreCase(env.get("CI").strip())
                && !"0".equals(env.get("CI").strip());
        boolean dumb = "dumb".equals(env.getOrDefault("TERM", ""));
        boolean watched = terminal && !ci && !dumb;
        // https://no-color.org: any non-empty value turns colour off.
        boolean color = watched && !isSet(env, "NO_COLOR");
        Mode mode = flags.quiet() ? Mode.QUIET : flags.verbose() || !watched ? Mode.PLAIN : Mode.LIVE;
        return new OutputStyle(mode, color, flags.verbose());
    }

    /** Whether a person watches: standard output is a terminal (Java 22+ can tell even when System.console exists). */
    static boolean terminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Lines are redrawn in place. */
    boolean live() {
        return mode == Mode.LIVE;
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
