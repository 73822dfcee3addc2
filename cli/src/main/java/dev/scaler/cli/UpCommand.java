package dev.scaler.cli;

import dev.scaler.engine.Apply;
import dev.scaler.engine.DockerEngine;
import dev.scaler.plan.Diff;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.plan.Tier;
import dev.scaler.plan.CdnTier;
import dev.scaler.provision.AssetSync;
import dev.scaler.provision.BuildRecords;
import dev.scaler.provision.CdnException;
import dev.scaler.provision.Origin;
import dev.scaler.provision.ProxySync;
import dev.scaler.provision.QueueCluster;
import dev.scaler.plan.QueueTier;
import dev.scaler.provision.Up;
import dev.scaler.state.Secrets;
import dev.scaler.topology.Topology;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler up FILE`: provisions the topology, changing only what differs from what runs. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Create or update the system a topology describes; wait until it is healthy.",
        footer = {"", "Examples:", "  scaler up topologies/web-tier.yaml",
                "  scaler up --images upstream topologies/web-tier.yaml",
                "  scaler up --engine swarm topologies/web-tier.yaml"})
final class UpCommand implements Callable<Integer> {
    @Mixin
    TopologyFile topology;

    @Mixin
    ReadyTimeout timeout;

    @Mixin
    EngineChoice engineChoice;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Topology declared = topology.load();
        refuseUnsupported(declared); // bad input is told before the engine is asked anything
        if (engineChoice.swarm()) {
            return SwarmUpCommand.run(declared, engineChoice, timeout.duration(), spec);
        }
        try (var engine = DockerEngine.connect()) {
            var resolved = ImageChoice.forUp(declared, engine);
            resolved.line().ifPresent(out::println);
            Topology t = resolved.topology();
            refuseUnsupported(t);
            Plan plan = Planner.plan(t);
            var progress = new ProgressPrinter(out, ScalerCommand.display(spec));
            var secrets = Secrets.open(StateDir.resolve(), plan.project());
            LeftoverFaults.undo(engine, plan.project(), spec.commandLine().getErr());
            var apply = new Apply(engine, secrets::fill, progress, timeout.duration());
            Diff diff;
            var hashes = new java.util.HashMap<String, String>();
            diff = new Up(engine, BuildRecords.read()).prepare(plan, hashes);
            var before = DeployedTopology.store().current(plan.project());
            if (before.isPresent() && dev.scaler.provision.RollingDeploy.notRolling(diff).isEmpty()) {
                // Only web replicas change (image, environment, version): replaced one at a time, under load.
                new Rollouts(engine, progress, timeout.duration()).roll(
                        new Rollouts.Prepared(plan, diff, hashes, t.loadBalancer().healthCheck().path()), DeployedTopology.of(t, topology.file), before,
                        Rollouts.DEFAULT);
            } else if (!diff.empty()) {
                try (var stop = Interrupts.onInterrupt(apply::cancel)) {
                    apply.run(plan, diff, hashes);
                }
            }
            DeployedTopology.store().record(plan.project(), DeployedTopology.of(t, topology.file));
            ProxySync.Result proxies = new ProxySync(engine).ensure(plan);
            var queue = t.queue().flatMap(q -> QueueCluster.ensure(engine, plan, QueueTier.type(q),
                    timeout.duration()));
            Optional<AssetSync.Result> assets = t.cdn().map(cdn -> AssetSync.ensure(Origin.connect(engine,
                    plan.project(), secrets).orElseThrow(() -> new CdnException("the CDN origin of " + plan.project()
                            + " runs no MinIO API on a published port", "see `scaler status " + plan.project() + "`")),
                    cdn));
            if (diff.empty() && proxies.nothing() && assets.map(AssetSync.Result::nothing).orElse(true)) {
                out.printf("%s: up to date, nothing to change (%d containers)%n", plan.project(), diff.unchanged().size());
            } else {
                out.printf("%s is up in %.1fs: %s%n", plan.project(), progress.seconds(), Summary.of(diff));
            }
            if (!plan.proxies().isEmpty()) {
                out.printf("  proxies: %s%n", Summary.of(proxies));
            }
            assets.ifPresent(a -> out.printf("  assets: %s%n", Summary.of(a)));
            queue.ifPresent(q -> out.printf("  queue: %d nodes running, %s queue %s led by %s%n", q.nodes().size(),
                    q.jobs().type(), QueueTier.JOBS, q.jobs().leader().orElse("-")));
            t.cdn().ifPresent(cdn -> out.printf("  cdn: %s/%n", CdnTier.publicUrl(t, cdn)));
            plan.containers().stream().filter(c -> c.tier() == Tier.LB).flatMap(c -> c.ports().stream())
                    .forEach(p -> out.printf("  load balancer: http://%s/%n", p.address()));
        }
        return ExitCode.OK;
    }

    static void refuseUnsupported(Topology t) {
        var unsupported = Planner.unsupported(t);
        if (!unsupported.isEmpty()) {
            throw new UsageException(t.source() + ": this version of scaler cannot provision "
                    + String.join(", ", unsupported) + " yet; `scaler plan` shows what it can");
        }
    }
}
