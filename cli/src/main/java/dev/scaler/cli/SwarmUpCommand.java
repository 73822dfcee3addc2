package dev.scaler.cli;

import dev.scaler.engine.Swarm;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.plan.Tier;
import dev.scaler.provision.SwarmUp;
import dev.scaler.state.Secrets;
import dev.scaler.swarm.Service;
import dev.scaler.topology.Topology;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler up --engine swarm FILE`: the same plan as services of a swarm, and where users reach it from here. */
final class SwarmUpCommand {
    private SwarmUpCommand() {
    }

    static int run(Topology declared, EngineChoice choice, Duration timeout, CommandSpec spec) {
        var out = spec.commandLine().getOut();
        // Before the images are chosen: the proxy image is not on the nodes, and would be named as the problem.
        SwarmUp.refuseUnsupported(declared.name(), declared.proxies());
        try (var swarm = (Swarm) choice.connect()) {
            var resolved = ImageChoice.forUp(declared, swarm);
            resolved.line().ifPresent(out::println);
            Topology t = resolved.topology();
            UpCommand.refuseUnsupported(t);
            Plan plan = Planner.plan(t);
            var progress = new ProgressPrinter(out, ScalerCommand.display(spec));
            var secrets = Secrets.open(StateDir.resolve(), plan.project());
            var up = new SwarmUp(swarm, progress, timeout);
            SwarmUp.Result result;
            try (var stop = Interrupts.onInterrupt(up::cancel)) {
                result = up.run(plan, secrets::fill);
            }
            if (result.created() + result.updated() + result.removed() == 0) {
                out.printf("%s: up to date on cluster %s, nothing to change (%d services)%n", plan.project(),
                        swarm.cluster(), result.unchanged());
            } else {
                out.printf("%s is up on cluster %s in %.1fs: %d services created, %d updated, %d removed, %d unchanged%n",
                        plan.project(), swarm.cluster(), progress.seconds(), result.created(), result.updated(),
                        result.removed(), result.unchanged());
            }
            result.deployment().services().forEach(s -> out.printf("  %-28s %s%n", s.name(),
                    result.tasks().getOrDefault(s.name(), List.of()).stream().map(Swarm.TaskView::node).sorted()
                            .collect(Collectors.joining(", "))));
            entryPoints(result, swarm, out);
        }
        return ExitCode.OK;
    }

    /** The load balancer's address on each node that runs one, and what becomes of it when that node dies. */
    private static void entryPoints(SwarmUp.Result result, Swarm swarm, PrintWriter out) {
        var addresses = swarm.nodeAddresses();
        for (Service lb : result.deployment().services().stream().filter(s -> s.tier() == Tier.LB).toList()) {
            var nodes = result.tasks().getOrDefault(lb.name(), List.of()).stream().map(Swarm.TaskView::node)
                    .sorted().toList();
            lb.ports().forEach(p -> nodes.forEach(n -> out.printf("  load balancer: http://%s:%d/ (on node %s)%n",
                    addresses.getOrDefault(n, n), p.published(), n)));
            if (nodes.size() > 1) {
                out.printf("  if one of these nodes dies, the other entry point%s keep%s serving; Swarm starts the lost"
                        + " load balancer on a node that has none, at that node's address%n",
                        nodes.size() > 2 ? "s" : "", nodes.size() > 2 ? "" : "s");
            } else {
                out.printf("  if node %s dies, this address stops answering until Swarm starts the load balancer on"
                        + " another node (about 20 s), at that node's address; loadBalancer.replicas: 2 gives a"
                        + " second entry point on another node%n", nodes.isEmpty() ? "-" : nodes.get(0));
            }
        }
    }
}
