package dev.scaler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The built jar as a process of its own (for Ctrl-C tests), its output in {@code log}. A shell that starts a job in
     * the background without job control (`mvn verify &`, `nohup ... &`) makes it ignore SIGINT, every child inherits
     * that, and a JVM that starts ignoring SIGINT never sees Ctrl-C: `env --default-signal=INT` gives it back.
     */
    static Process start(Path stateDir, Path log, String... args) throws IOException {
        var command = new ArrayList<String>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dscaler.stateDir=" + stateDir,
                "-jar", Path.of("target/scaler.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Ctrl-C: SIGINT to that process. */
    static void interrupt(Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }
}
