package dev.scaler.cli;

import dev.scaler.engine.CancelledException;
import dev.scaler.engine.EngineException;
import dev.scaler.engine.UnhealthyException;
import dev.scaler.topology.TopologyException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Runs one command line and returns its exit code, printing to the given streams. */
public final class Cli {
    private Cli() {
    }

    /** Parses and runs {@code args}; never calls System.exit, so tests can assert on code and output. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var cmd = new CommandLine(new ScalerCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((e, a) -> {
            err.println("scaler: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((e, c, parsed) -> report(e, err, c.getCommandSpec().root()
                .userObject() instanceof ScalerCommand root && root.stacktrace));
        Interrupts.commandStarted();
        try {
            int code = cmd.execute(args);
            out.flush();
            err.flush();
            return code;
        } finally {
            Interrupts.commandFinished();
        }
    }

    private static int report(Exception e, PrintWriter err, boolean stacktrace) {
        int code;
        if (e instanceof TopologyException t) {
            t.problems().forEach(p -> err.println(p));
            err.println(t.problems().size() == 1 ? "1 problem; nothing was created."
                    : t.problems().size() + " problems; nothing was created.");
            code = ExitCode.BAD_INPUT;
        } else if (e instanceof dev.scaler.chaos.ExperimentException x) {
            x.problems().forEach(p -> err.println(p));
            err.println(x.problems().size() == 1 ? "1 problem; nothing was injected."
                    : x.problems().size() + " problems; nothing was injected.");
            code = ExitCode.BAD_INPUT;
        } else if (e instanceof UsageException u) {
            err.println("scaler: " + u.getMessage());
            code = ExitCode.BAD_INPUT;
        } else if (e instanceof UnhealthyException u) {
            err.println("scaler: " + u.getMessage() + (u.lastLogLines().isEmpty() ? "; it printed nothing"
                    : "; its last log lines:"));
            u.lastLogLines().forEach(l -> err.println("  | " + l));
            err.println("  " + u.hint());
            code = ExitCode.ENVIRONMENT;
        } else if (e instanceof EngineException x) {
            err.println("scaler: " + x.getMessage());
            if (!x.hint().isEmpty()) {
                err.println("  " + x.hint());
            }
            code = ExitCode.ENVIRONMENT;
        } else if (e instanceof dev.scaler.provision.ToxiproxyException x) {
            err.println("scaler: " + x.getMessage());
            code = ExitCode.ENVIRONMENT;
        } else if (e instanceof com.github.dockerjava.api.exception.DockerException d) {
            // The engine said no (a swarm between leaders answers 500 "does not have a leader"): its own words
            // are what the user needs, not a stack trace of the client library.
            err.println("scaler: the Docker engine answered " + d.getHttpStatus() + ": " + EngineMessage.of(d));
            // 5xx is the engine's own trouble and passes; a 4xx refused what scaler asked, and asking again won't help.
            err.println(d.getHttpStatus() >= 500
                    ? "  run it again once the engine answers (on a swarm, `scaler cluster status` shows its"
                            + " managers and leader)"
                    : "  the engine refused what scaler asked of it: a defect of scaler, please report it with the"
                            + " command and `scaler --version`");
            code = ExitCode.ENVIRONMENT;
        } else if (e instanceof CancelledException c) {
            err.println("scaler: " + c.getMessage());
            code = ExitCode.INTERRUPTED;
        } else {
            err.println("scaler: unexpected error: " + e);
            code = ExitCode.ENVIRONMENT;
            stacktrace = true;
        }
        if (stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
