package dev.scaler.cli;

import dev.scaler.engine.CancelledException;
import dev.scaler.engine.DockerEngine;
import dev.scaler.topology.Autoscale;
import dev.scaler.topology.TopologyException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `scaler autoscale PROJECT`: the autoscaler in the foreground, until Ctrl-C. */
@Command(name = "autoscale", mixinStandardHelpOptions = true,
        description = "Follow the load of a running project's web tier with its replica count, as web.autoscale in its"
                + " topology says (min, max, a target on requests/s per replica or p99, scale-up and scale-down windows"
                + " and steps), until Ctrl-C. Each change is carried out as `scaler scale` does it, never while a"
                + " deploy runs, and written to the timeline of a `scaler load` or `scaler chaos` run on the project.",
        footer = {"", "Examples:", "  scaler autoscale web-tier", "  scaler load web-tier --autoscale --stages 30s:50,60s:400,30s:50",
                "", "Exit codes: 4 when stopped by Ctrl-C (a change under way is finished or its new replicas removed"
                + " first), 2 when the project's topology has no web.autoscale, 3 environment."})
final class AutoscaleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The running project (as `scaler up` named it).")
    String project;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long each new replica may take to become ready (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Autoscale policy = policy(project);
        var display = ScalerCommand.display(spec);
        var progress = new ProgressPrinter(out, display);
        try (var engine = DockerEngine.connect()) {
            var autoscaling = new Autoscaling(engine, project, policy, progress, display,
                    RunTimeline.inProgress(project), Duration.ofSeconds(timeoutSeconds));
            progress.note("autoscale " + project + ": web " + policy.min() + ".." + policy.max() + " replicas, target "
                    + policy.target().metric().words() + " " + policy.target().value() + policy.target().metric().unit()
                    + "; Ctrl-C stops");
            try (var stop = Interrupts.onInterrupt(autoscaling::stop)) {
                autoscaling.run();
                if (stop.happened()) {
                    throw new CancelledException("autoscaler stopped after " + autoscaling.changes()
                            + " change(s); the replica count stays as it is");
                }
            }
        }
        return ExitCode.OK;
    }

    /** The project's web.autoscale as its recorded topology says; a usage error when there is none. */
    static Autoscale policy(String project) throws TopologyException {
        var topology = DeployedTopology.load(DeployedTopology.current(project));
        return topology.web().autoscale().orElseThrow(() -> new UsageException(project + " has no web.autoscale in "
                + DeployedTopology.current(project).source() + "; add one, e.g. `autoscale: { min: 2, max: 8, target:"
                + " { requestsPerReplica: 100/s } }` under web, and run `scaler up` (it changes no container)"));
    }
}
