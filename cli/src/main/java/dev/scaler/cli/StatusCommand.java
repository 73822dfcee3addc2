package dev.scaler.cli;

import dev.scaler.collect.Collectors;
import dev.scaler.collect.Targets;
import dev.scaler.monitor.Sampler;
import dev.scaler.monitor.Snapshot;
import dev.scaler.monitor.VitalsTable;
import dev.scaler.state.Secrets;
import java.time.Duration;
import dev.scaler.provision.Status;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `scaler status`: tier, role, health and address of every container of a project, or of all projects,
 * then the proxies of each project's Toxiproxy (with {@code proxies: true}).
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "List each container's tier, role, health and published address, then each Toxiproxy proxy (listen, upstream, enabled, toxics).",
        footer = {"", "Examples:", "  scaler status", "  scaler status topologies/web-tier.yaml",
                "  scaler status --format json web-tier",
                "  scaler status --metrics --format json web-tier    # one snapshot of every container's vital signs"})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    EngineChoice engineChoice;

    @Mixin
    ProjectTarget target;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--metrics", description = "Instead: every container's vital signs, read twice one second apart "
            + "(rates are over that second), as `scaler top` shows them live.")
    boolean metrics;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Optional<String> given = target.given();
        try (var engine = engineChoice.connect()) {
            engine.containers(given).stream().map(c -> c.labels().get(dev.scaler.plan.Labels.PROJECT)).distinct()
                    .forEach(p -> LeftoverFaults.undo(engine, p, spec.commandLine().getErr()));
            if (metrics) {
                String project = ProjectName.resolve(given, engine);
                Snapshot snapshot = Sampler.once(() -> Targets.of(engine, project),
                        Collectors.forProject(Secrets.open(StateDir.resolve(), project)), Duration.ofSeconds(1));
                if (format == Format.JSON) {
                    out.println(Json.write(new MetricsDocument(1, project, snapshot)));
                } else {
                    var table = new Table(VitalsTable.HEADER.toArray(String[]::new));
                    VitalsTable.rows(snapshot).stream().skip(1).forEach(r -> table.row(r.toArray(String[]::new)));
                    table.print(out);
                }
                return ExitCode.OK;
            }
            var status = new Status(engine);
            List<Status.Row> rows = status.rows(given);
            List<Status.ProxyListing> proxies = rows.isEmpty() ? List.of() : status.proxies(given);
            List<CdnStatus> cdn = rows.isEmpty() ? List.of() : CdnStatus.of(engine, given);
            if (format == Format.JSON) {
                out.println(Json.write(new StatusDocument(1, rows, proxies, cdn)));
                return ExitCode.OK;
            }
            if (rows.isEmpty()) {
                out.println(given.map(p -> p + ": no containers").orElse("no scaler project runs on this engine"));
                return ExitCode.OK;
            }
            var table = engineChoice.swarm()
                    ? new Table("PROJECT", "CONTAINER", "TIER", "ROLE", "STATE", "HEALTH", "ADDRESS", "NODE")
                    : new Table("PROJECT", "CONTAINER", "TIER", "ROLE", "STATE", "HEALTH", "ADDRESS");
            rows.forEach(r -> {
                var cells = new java.util.ArrayList<>(List.of(r.project(), r.container(), r.tier(), r.role(), r.state(),
                        r.health(), r.addresses().isEmpty() ? "-" : String.join(",", r.addresses())));
                if (engineChoice.swarm()) {
                    cells.add(r.node());
                }
                table.row(cells.toArray(String[]::new));
            });
            table.print(out);
            proxies.forEach(listing -> print(listing, out));
            cdn.forEach(c -> print(c, out));
        }
        return ExitCode.OK;
    }

    private static void print(CdnStatus cdn, java.io.PrintWriter out) {
        out.printf("%ncdn of %s%n", cdn.project());
        cdn.buckets().forEach(b -> out.printf("  bucket %s: %d objects%n", b.name(), b.objects()));
        out.printf("  edge hit ratio: %s%n", cdn.hitRatio().map(r -> String.format(java.util.Locale.ROOT,
                "%.1f%% of %d asset requests (%d stale)", r * 100, cdn.edgeRequests(), cdn.servedStale()))
                .orElse("no asset requests yet"));
        cdn.problem().forEach(p -> out.println("  " + p));
    }

    private static void print(Status.ProxyListing listing, java.io.PrintWriter out) {
        out.printf("%nproxies of %s (Toxiproxy API %s)%n", listing.project(),
                listing.api().equals("-") ? "not reachable" : "http://" + listing.api());
        if (listing.error().isPresent()) {
            out.println("  cannot list them: " + listing.error().get());
            return;
        }
        var table = new Table("PROXY", "LISTEN", "UPSTREAM", "ENABLED", "TOXICS");
        listing.proxies().forEach(p -> table.row(p.name(), p.listen(), p.upstream(), p.enabled() ? "yes" : "no",
                p.toxics().isEmpty() ? "-" : String.join("; ", p.toxics().stream().map(t -> t.display()).toList())));
        table.print(out);
    }

    /** The JSON shape of `status --format json`: containers, then each project's proxies and CDN. */
    record StatusDocument(int schemaVersion, List<Status.Row> containers, List<Status.ProxyListing> proxies,
            List<CdnStatus> cdn) {
    }

    /** The JSON shape of `status --metrics --format json`: one snapshot (docs/monitoring.md lists its fields). */
    record MetricsDocument(int schemaVersion, String project, Snapshot snapshot) {
    }
}
