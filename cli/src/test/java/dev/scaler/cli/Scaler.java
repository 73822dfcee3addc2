package dev.scaler.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and keeps what it printed, so a failing assertion can show it. */
final class Scaler {
    private Scaler() {
    }

    /** A finished command: its exit code and output. */
    record Result(int code, String out, String err) {
        /** Both streams, for assertion messages. */
        String transcript() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
