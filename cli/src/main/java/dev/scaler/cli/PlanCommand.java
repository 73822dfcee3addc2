package dev.scaler.cli;

import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.plan.Tier;
import dev.scaler.topology.Topology;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler plan FILE`: what `up` would create, without touching Docker. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Print the plan for a topology (networks, volumes, containers) without touching Docker.",
        footer = {"", "Examples:", "  scaler plan topologies/web-tier.yaml",
                "  scaler plan --format json topologies/web-tier.yaml | jq '.containers[].name'"})
final class PlanCommand implements Callable<Integer> {
    @Mixin
    TopologyFile topology;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var resolved = ImageChoice.forPlan(topology.load());
        Topology t = resolved.topology();
        Plan plan = Planner.plan(t);
        if (format == Format.JSON) {
            out.println(Json.write(new PlanDocument(plan, Planner.unsupported(t))));
            return ExitCode.OK;
        }
        out.printf("project %s (images: %s%s)%n", plan.project(), plan.imageProfile(),
                resolved.why().map(w -> "; auto: " + w).orElse(""));
        plan.networks().forEach(n -> out.printf("network %s%n", n.name()));
        plan.volumes().forEach(v -> out.printf("volume  %s%n", v.name()));
        out.println();
        var table = new Table("CONTAINER", "TIER", "IMAGE", "PORTS", "DEPENDS ON", "HEALTH CHECK");
        for (ContainerSpec c : plan.containers()) {
            table.row(c.name(), c.tier().label(), c.image(),
                    c.ports().isEmpty() ? "-" : String.join(",", c.ports().stream()
                            .map(p -> p.address() + "->" + p.containerPort()).toList()),
                    c.dependsOn().isEmpty() ? "-" : String.join(",", c.dependsOn()),
                    c.healthCheck().map(h -> abbreviate(h.display())).orElse("running"));
        }
        table.print(out);
        if (!plan.proxies().isEmpty()) {
            String container = plan.containers().stream().filter(c -> c.tier() == Tier.PROXY).map(ContainerSpec::name)
                    .findFirst().orElse("?");
            out.printf("%nproxies in %s (Toxiproxy; `scaler status` shows its API address once it runs):%n", container);
            var proxies = new Table("PROXY", "LISTEN", "UPSTREAM");
            plan.proxies().forEach(p -> proxies.row(p.name(), container + ":" + p.listenPort(), p.upstream()));
            proxies.print(out);
        }
        var unsupported = Planner.unsupported(t);
        if (!unsupported.isEmpty()) {
            out.printf("%nnot provisioned by this version: %s%n", String.join(", ", unsupported));
        }
        return ExitCode.OK;
    }

    private static String abbreviate(String s) {
        return s.length() <= 48 ? s : s.substring(0, 45) + "...";
    }

    /** The JSON shape of `plan --format json`. */
    record PlanDocument(int schemaVersion, Plan plan, java.util.List<String> notProvisioned) {
        PlanDocument(Plan plan, java.util.List<String> notProvisioned) {
            this(1, plan, notProvisioned);
        }
    }
}
