package dev.scaler.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `scaler demo`: the whole story on a fresh machine, told by the commands users would type: build the images,
 * stand up the starter topology, run an experiment under load, write the report, take everything down.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Build the images, bring up topologies/starter.yaml, send 20 s of traffic so it reaches its "
                + "steady state, run kill-primary under load, write the report, and take everything down again.",
        footer = {"", "Examples:", "  scaler demo", "  scaler demo --experiment cache-latency --keep",
                "", "Exit codes: those of `scaler chaos` (0 the hypothesis held, 1 it did not), or the first step's "
                + "that failed.", "Ctrl-C stops the experiment (its faults are undone) and leaves the system up: "
                + "`scaler down starter` removes it."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--experiment", paramLabel = "NAME", defaultValue = "kill-primary",
            description = "The experiment to run (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--topology", paramLabel = "FILE",
            description = "The topology to bring up (default: topologies/starter.yaml of this checkout).")
    Path topology;

    @Option(names = "--images", paramLabel = "PROFILE", defaultValue = "offline",
            description = "offline (built here, no registry needed) or upstream (default: ${DEFAULT-VALUE}).")
    String images;

    @Option(names = "--keep", description = "Leave the system up at the end.")
    boolean keep;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "scaler-demo-report.html",
            description = "Where the HTML report goes (default: ${DEFAULT-VALUE}).")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine root = spec.root().commandLine();
        var out = spec.commandLine().getOut();
        Path file = topology != null ? topology : ImagesCommand.home().resolve("topologies/starter.yaml");
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no topology file " + file);
        }
        String project = ProjectName.fromArgument(java.util.Optional.of(file.toString())).orElseThrow();
        List<List<String>> before = new ArrayList<>();
        if (images.equals("offline")) {
            before.add(List.of("images", "build"));
        }
        before.add(List.of("up", "--images", images, file.toString()));
        for (List<String> step : before) {
            int code = step(root, out, step);
            if (code != ExitCode.OK) {
                return code;
            }
        }
        int verdict = ExitCode.ENVIRONMENT;
        try {
            // A system that has just started is not in its steady state: cold JITs, empty pools and caches fail
            // requests no fault caused. Real traffic first, as a team would send before breaking anything.
            verdict = step(root, out, List.of("load", project, "--rate", "100", "--duration", "20s",
                    "--sample-interval", "0s"));
            if (verdict != ExitCode.INTERRUPTED) {
                verdict = step(root, out, List.of("chaos", experiment, project));
            }
            if (verdict == ExitCode.OK || verdict == ExitCode.HYPOTHESIS_FAILED) {
                step(root, out, List.of("report", "--format", "html", "--out", report.toString()));
            }
        } finally {
            if (keep || verdict == ExitCode.INTERRUPTED) {
                out.printf("%nleft up, %s: `scaler down %s` removes it%n", keep ? "as asked" : "after Ctrl-C", project);
            } else {
                step(root, out, List.of("down", project));
            }
            out.flush();
        }
        return verdict;
    }

    /** Runs one command as the user would type it, with a heading, and returns its exit code. */
    private static int step(CommandLine root, java.io.PrintWriter out, List<String> args) {
        out.printf("%n$ scaler %s%n", String.join(" ", args));
        out.flush();
        return root.execute(args.toArray(String[]::new));
    }
}
