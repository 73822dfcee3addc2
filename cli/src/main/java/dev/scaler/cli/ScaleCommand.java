package dev.scaler.cli;

import dev.scaler.engine.DockerEngine;
import dev.scaler.topology.Web;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `scaler scale PROJECT web=N`: changes the web replica count of a running project, and nothing else. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Change how many web replicas a running project has, under load, without failing a request:"
                + " new replicas join once ready, replicas that go are drained first.",
        footer = {"", "Examples:", "  scaler scale web-tier web=24", "  scaler scale web-tier web=3"})
final class ScaleCommand implements Callable<Integer> {
    private static final Pattern COUNT = Pattern.compile("web=(\\d{1,3})");

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The running project (as `scaler up` named it).")
    String project;

    @Parameters(index = "1", paramLabel = "TIER=N", description = "The new count: web=N, 1 to " + Web.MAX_REPLICAS + ".")
    String count;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long each new replica may take to become ready (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        int replicas = replicas(count);
        var progress = new ProgressPrinter(out, ScalerCommand.display(spec));
        try (var engine = DockerEngine.connect()) {
            var done = Scaling.to(engine, project, replicas, progress, Duration.ofSeconds(timeoutSeconds));
            if (done.added() == 0 && done.removed() == 0) {
                out.printf("%s: web already has %d replicas, nothing to change%n", project, replicas);
            } else {
                out.printf("%s: web %d -> %d replicas in %.1fs (%d added, %d drained and removed)%n", project,
                        done.before(), done.now(), progress.seconds(), done.added(), done.removed());
            }
        }
        return ExitCode.OK;
    }

    static int replicas(String count) {
        var m = COUNT.matcher(count);
        if (!m.matches()) {
            throw new UsageException("expected web=N (the web tier is the one `scale` changes), got '" + count + "'");
        }
        int n = Integer.parseInt(m.group(1));
        if (n < 1 || n > Web.MAX_REPLICAS) {
            throw new UsageException("web=N takes 1 to " + Web.MAX_REPLICAS + " replicas, got " + n);
        }
        return n;
    }
}
