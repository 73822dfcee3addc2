package dev.scaler.cli;

/** The exit codes of every command; docs/exit-codes.md is the user's copy of this table. */
public final class ExitCode {
    /** Success; for chaos and report, every hypothesis line held. */
    public static final int OK = 0;
    /** The run completed and a hypothesis line failed (deviated), or an abort line tripped (aborted). */
    public static final int HYPOTHESIS_FAILED = 1;
    /** Bad input: usage, topology or experiment file. */
    public static final int BAD_INPUT = 2;
    /** Environment: Docker unreachable, image missing and not pullable, port taken, a container unhealthy. */
    public static final int ENVIRONMENT = 3;
    /** Interrupted; what the command had started was undone. */
    public static final int INTERRUPTED = 4;
    /** A chaos run's steady state was not met before the first fault: nothing was injected (failed-precondition). */
    public static final int FAILED_PRECONDITION = 5;

    /** The code of a stored run's verdict: deviated and aborted 1, failed-precondition 5, passed and none 0. */
    public static int of(dev.scaler.report.Report report) {
        return switch (dev.scaler.report.Verdict.parse(report.verdict())) {
            case PASSED, NONE -> OK;
            case DEVIATED, ABORTED -> HYPOTHESIS_FAILED;
            case FAILED_PRECONDITION -> FAILED_PRECONDITION;
        };
    }

    private ExitCode() {
    }
}
