package dev.scaler.cli;

import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.EngineException;
import dev.scaler.plan.AgentConfig;
import dev.scaler.plan.Images;
import dev.scaler.plan.Labels;
import dev.scaler.plan.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `scaler failover`: promote a replica by hand. It runs inside the project's agent container,
 * which can reach the database nodes; the tool itself needs no route into the project network.
 */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = "Promote a replica of the database (or of a shard) now, and re-point the others to it.",
        footer = {"", "Examples:", "  scaler failover starter", "  scaler failover --shard 2 starter",
                "  scaler failover --to starter-db-3 starter"})
final class FailoverCommand implements Callable<Integer> {
    @Mixin
    ProjectTarget target;

    @Option(names = "--shard", paramLabel = "N", description = "Fail over shard N (1-based) instead of the database.")
    Optional<Integer> shard = Optional.empty();

    @Option(names = "--to", paramLabel = "NODE", description = "The replica to promote (default: the most advanced).")
    Optional<String> to = Optional.empty();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        try (var engine = DockerEngine.connect()) {
            String project = ProjectName.resolve(target.given(), engine);
            LeftoverFaults.undo(engine, project, spec.commandLine().getErr());
            var agent = engine.containers(Optional.of(project)).stream()
                    .filter(c -> Tier.AGENT.label().equals(c.labels().get(Labels.TIER)) && c.running())
                    .findFirst().orElseThrow(() -> new UsageException(project
                            + " has no running failover agent (it has no database or shards, or the agent is down)"));
            String group = shard.map(n -> "shard-" + n).orElse("db") + to.map(n -> ":" + n).orElse("");
            var command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", Images.AGENT_JAR,
                    "agent", "--config", AgentConfig.PATH, "--promote", group));
            var result = engine.exec(agent.id(), command, Duration.ofSeconds(60));
            out.print(result.output());
            out.flush();
            if (!result.ok()) {
                throw new EngineException("failover of " + group + " failed (exit " + result.exitCode() + ")",
                        "see the agent's answer above, and `docker logs " + agent.name() + "`");
            }
        }
        return ExitCode.OK;
    }
}
