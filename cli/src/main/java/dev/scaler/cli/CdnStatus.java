package dev.scaler.cli;

import dev.scaler.collect.Collectors;
import dev.scaler.collect.Targets;
import dev.scaler.engine.Engine;
import dev.scaler.monitor.Collector;
import dev.scaler.monitor.Reading;
import dev.scaler.plan.Tier;
import dev.scaler.provision.Origin;
import dev.scaler.state.Secrets;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CDN part of `scaler status`: each bucket of a project's MinIO with its object count (asked of MinIO with the
 * project's generated credentials), and the edge's hit ratio since it started (counted from its own access log).
 *
 * @param hitRatio asset requests answered from the edge's cache, fresh or stale, of all it answered; empty before
 *                 the first request or without an edge
 * @param problem  what could not be read, if anything
 */
record CdnStatus(String project, List<Bucket> buckets, Optional<Double> hitRatio, long edgeRequests,
        long servedStale, List<String> problem) {

    /** One bucket and how many objects it holds. */
    record Bucket(String name, long objects) {
    }

    /** Every project (or this one) with CDN containers; empty for those without. */
    static List<CdnStatus> of(Engine engine, Optional<String> project) {
        var projects = engine.containers(project).stream().filter(c -> Tier.CDN.label().equals(c.tier()))
                .map(c -> c.labels().getOrDefault(dev.scaler.plan.Labels.PROJECT, "?")).distinct().sorted().toList();
        return projects.stream().map(p -> of(engine, p)).toList();
    }

    private static CdnStatus of(Engine engine, String project) {
        var secrets = Secrets.open(StateDir.resolve(), project);
        var problems = new ArrayList<String>();
        var buckets = new ArrayList<Bucket>();
        Optional<Origin> origin = Origin.connect(engine, project, secrets);
        if (origin.isEmpty()) {
            problems.add("the origin is not running (or its credentials are not in .scaler/secrets)");
        } else {
            try {
                var minio = origin.get().client();
                for (var b : minio.listBuckets()) {
                    long n = 0;
                    for (Result<Item> ignored : minio.listObjects(ListObjectsArgs.builder().bucket(b.name())
                            .recursive(true).build())) {
                        n++;
                    }
                    buckets.add(new Bucket(b.name(), n));
                }
            } catch (Exception e) {
                // MinIO's client throws a dozen checked kinds; all mean the same here: it could not be asked.
                problems.add("MinIO did not answer: " + e.getMessage());
            }
        }
        Optional<Double> ratio = Optional.empty();
        long requests = 0;
        long stale = 0;
        var edges = Targets.of(engine, project).stream()
                .filter(t -> t.tier().equals(Tier.CDN.label()) && t.role().equals("edge")).toList();
        List<Collector> collectors = Collectors.forProject(secrets);
        try {
            for (var t : edges) {
                if (!t.readable()) {
                    problems.add(t.container() + " is " + t.state());
                    continue;
                }
                for (Collector c : collectors) {
                    if (c.reads(t)) {
                        switch (c.read(t)) {
                            case Reading.Edge e -> {
                                requests = (long) e.requests();
                                stale = e.byCacheStatus().getOrDefault("STALE", 0.0).longValue();
                                double answered = e.fromCache() + e.fromOrigin();
                                ratio = answered > 0 ? Optional.of(e.fromCache() / answered) : Optional.empty();
                            }
                            case Reading.Silent s -> problems.add(t.container() + ": " + s.why());
                            default -> {
                            }
                        }
                    }
                }
            }
        } finally {
            collectors.forEach(Collector::close);
        }
        return new CdnStatus(project, buckets, ratio, requests, stale, problems);
    }
}
