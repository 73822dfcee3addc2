package dev.scaler.provision;

import dev.scaler.engine.Engine;
import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.Tier;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * `scaler status`: one row per container of a project (or of every project), from Docker's labels, and
 * the proxies of each project's Toxiproxy as that Toxiproxy has them now.
 */
public final class Status {

    /** One container as users see it; {@code node} is the swarm node that runs it, "-" on a single engine. */
    public record Row(String project, String container, String tier, int index, String role, String state,
            String health, List<String> addresses, String node) {
    }

    /** One project's proxies, or why they could not be read (its Toxiproxy is down, paused, unreachable). */
    public record ProxyListing(String project, String api, List<ProxyState> proxies, Optional<String> error) {
        public ProxyListing {
            proxies = List.copyOf(proxies);
        }
    }

    private final Engine engine;

    public Status(Engine engine) {
        this.engine = engine;
    }

    /** Rows sorted by project, tier (load balancer first) and index. */
    public List<Row> rows(Optional<String> project) {
        return engine.containers(project).stream().map(this::row)
                .sorted(Comparator.comparing(Row::project)
                        .thenComparing(r -> Tier.fromLabel(r.tier()).map(Enum::ordinal).orElse(99))
                        .thenComparing(Row::container))
                .toList();
    }

    /** The proxies of every project (or of this one) that has a proxy container, by project. */
    public List<ProxyListing> proxies(Optional<String> project) {
        List<ObservedContainer> all = engine.containers(project);
        return all.stream().filter(c -> Tier.PROXY.label().equals(c.tier()))
                .map(c -> c.labels().getOrDefault(Labels.PROJECT, "?")).distinct().sorted()
                .map(p -> listing(p, all)).toList();
    }

    private static ProxyListing listing(String project, List<ObservedContainer> containers) {
        var api = ProxyApi.find(project, containers);
        if (api.isEmpty()) {
            return new ProxyListing(project, "-", List.of(), Optional.of("the proxy container is not running"));
        }
        try {
            return new ProxyListing(project, api.get().address(), api.get().proxies(), Optional.empty());
        } catch (ToxiproxyException e) {
            return new ProxyListing(project, api.get().address(), List.of(), Optional.of(e.getMessage()));
        }
    }

    private Row row(ObservedContainer c) {
        var labels = c.labels();
        int index = parse(labels.getOrDefault(Labels.INDEX, "0"));
        List<String> addresses = c.ports().stream().map(p -> p.address()).distinct().collect(Collectors.toList());
        return new Row(labels.getOrDefault(Labels.PROJECT, "?"), c.name(), c.tier(), index,
                Roles.of(c, engine), c.state(), c.health().isEmpty() ? "-" : c.health(),
                addresses, labels.getOrDefault(dev.scaler.engine.Swarm.NODE_LABEL, "-"));
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
