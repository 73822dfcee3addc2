package dev.scaler.cli;

/** The exit codes of every command; docs/exit-codes.md is the user's copy of this table. */
public final class ExitCode {
    /** Success; for chaos and report, every hypothesis line held. */
    public static final int OK = 0;
    /** The run completed and a hypothesis line failed. */
    public static final int HYPOTHESIS_FAILED = 1;
    /** Bad input: usage, topology or experiment file. */
    public static final int BAD_INPUT = 2;
    /** Environment: Docker unreachable, image missing and not pullable, port taken, a container unhealthy. */
    public static final int ENVIRONMENT = 3;
    /** Interrupted; what the command had started was undone. */
    public static final int INTERRUPTED = 4;

    private ExitCode() {
    }
}
