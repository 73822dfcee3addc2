package dev.scaler.cli;

import dev.scaler.engine.DockerEngine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `scaler rollback PROJECT`: a rolling deploy back to the spec before the last `deploy` or `up`. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Return the web replicas of a running project to the spec before its last deploy (or up),"
                + " the same way a deploy replaces them.",
        footer = {"", "Examples:", "  scaler rollback web-tier"})
final class RollbackCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The running project.")
    String project;

    @Mixin
    RolloutOptions rollout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var current = DeployedTopology.current(project);
        var previous = DeployedTopology.store().previous(project).orElseThrow(() -> new UsageException(
                project + " has no previous spec on record: it was brought up once and never deployed since"));
        var limits = rollout.limits(100);
        var target = current.webReplicas() > 0 ? previous.withWebReplicas(current.webReplicas()) : previous;
        var progress = new ProgressPrinter(out, ScalerCommand.display(spec));
        try (var engine = DockerEngine.connect()) {
            var rollouts = new Rollouts(engine, progress, Duration.ofSeconds(rollout.timeoutSeconds));
            var prepared = rollouts.prepare(target);
            var why = prepared.notRolling();
            if (why.isPresent()) {
                throw new UsageException("rollback replaces web replicas only, and to the previous spec of " + project
                        + " " + why.get() + "; `scaler up` that file instead");
            }
            var done = rollouts.roll(prepared, target, Optional.empty(), limits);
            out.printf("%s: rolled back, %d web replica(s) replaced in %.1fs%n", project, done.replaced(), progress.seconds());
        }
        return ExitCode.OK;
    }
}
