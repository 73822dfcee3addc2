package dev.scaler.cli;

import dev.scaler.engine.DockerEngine;
import dev.scaler.plan.Rollout;
import dev.scaler.topology.Topology;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `scaler deploy FILE`: a rolling replacement of the web replicas whose image, environment or version changed. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Replace the web replicas of a running project with the ones FILE describes, a batch at a time,"
                + " without failing a request; roll back by itself when a new replica is not ready or HAProxy's"
                + " error rate passes --max-error-rate.",
        footer = {"", "Examples:", "  scaler deploy topologies/web-tier-v2.yaml",
                "  scaler deploy --max-surge 2 --max-unavailable 1 shop.yaml"})
final class DeployCommand implements Callable<Integer> {
    @Mixin
    TopologyFile topology;

    @Mixin
    RolloutOptions rollout;

    @Option(names = "--max-error-rate", paramLabel = "PERCENT", defaultValue = "1",
            description = "Roll back when HAProxy answers more than this share of requests with a 5xx during the"
                    + " deploy, judged once 100 requests were seen (default: ${DEFAULT-VALUE}).")
    double maxErrorRate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Topology t = topology.load();
        Rollout.Limits limits = rollout.limits(maxErrorRate);
        var file = DeployedTopology.of(t, topology.file);
        var fallback = DeployedTopology.store().current(t.name());
        // Keep the replica count `scale` set: a deploy changes versions, not capacity.
        var target = fallback.filter(f -> f.webReplicas() > 0).map(f -> file.withWebReplicas(f.webReplicas()))
                .orElse(file);
        var progress = new ProgressPrinter(out, ScalerCommand.display(spec));
        try (var engine = DockerEngine.connect()) {
            var rollouts = new Rollouts(engine, progress, Duration.ofSeconds(rollout.timeoutSeconds));
            var prepared = rollouts.prepare(target);
            var why = prepared.notRolling();
            if (why.isPresent()) {
                throw new UsageException("deploy replaces web replicas only, and for " + topology.file + " " + why.get()
                        + "; `scaler up " + topology.file + "` applies any change");
            }
            var done = rollouts.roll(prepared, target, fallback, limits);
            out.printf("%s: %d web replica(s) replaced in %.1fs%n", t.name(), done.replaced(), progress.seconds());
        }
        return ExitCode.OK;
    }
}
