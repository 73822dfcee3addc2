package dev.scaler.cli;

import dev.scaler.provision.BuildRecords;
import dev.scaler.engine.Apply;
import dev.scaler.engine.DockerEngine;
import dev.scaler.plan.Diff;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.provision.Scale;
import dev.scaler.provision.Up;
import dev.scaler.state.Deployments.Deployed;
import dev.scaler.state.Secrets;
import dev.scaler.topology.Topology;
import dev.scaler.topology.Web;
import java.time.Duration;
import java.util.HashMap;
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
        Deployed deployed = DeployedTopology.current(project);
        Topology before = DeployedTopology.load(deployed);
        Plan plan = Planner.plan(before.withWebReplicas(replicas));
        var progress = new ProgressPrinter(out, ScalerCommand.display(spec));
        try (var engine = DockerEngine.connect()) {
            var hashes = new HashMap<String, String>();
            Diff diff = new Up(engine, BuildRecords.read()).prepare(plan, hashes);
            var scale = new Scale(engine, progress);
            scale.check(plan, diff);
            var apply = new Apply(engine, Secrets.open(StateDir.resolve(), project)::fill, progress,
                    Duration.ofSeconds(timeoutSeconds));
            Scale.Result result;
            try (var stop = Interrupts.onInterrupt(apply::cancel)) {
                result = scale.run(plan, diff, hashes, apply, before.loadBalancer().healthCheck().path());
            }
            DeployedTopology.store().replace(project, deployed.withWebReplicas(replicas));
            int now = before.web().replicas() + result.added().size() - result.removed().size();
            if (result.added().isEmpty() && result.removed().isEmpty()) {
                out.printf("%s: web already has %d replicas, nothing to change%n", project, replicas);
            } else {
                out.printf("%s: web %d -> %d replicas in %.1fs (%d added, %d drained and removed)%n", project,
                        before.web().replicas(), now, progress.seconds(), result.added().size(), result.removed().size());
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
