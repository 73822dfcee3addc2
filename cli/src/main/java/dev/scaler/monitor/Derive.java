package dev.scaler.monitor;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns readings into vital signs: gauges as read, rates from two readings of the same counter, the p99 from two
 * readings of a histogram. Pure arithmetic, so every rule here is unit-tested without a server.
 */
public final class Derive {
    private Derive() {
    }

    /**
     * The vitals of a container from what it says now and, for rates, what it said {@code seconds} before (empty on
     * the first reading: rates stay empty then).
     */
    public static Vitals vitals(Target t, Reading now, Optional<Reading> before, double seconds) {
        var v = new Fill(t);
        switch (now) {
            case Reading.Silent s -> v.status = s.why();
            case Reading.Unwatched u -> v.status = Vitals.UNWATCHED;
            case Reading.Web w -> {
                before.filter(Reading.Web.class::isInstance).map(Reading.Web.class::cast).ifPresent(b -> {
                    v.requestsPerSecond = rate(w.requests(), b.requests(), seconds);
                    v.errorsPerSecond = rate(w.errors(), b.errors(), seconds);
                    v.p99Ms = p99Ms(w.latency(), b.latency());
                    v.noteCacheHitRatio = ratio(w.cacheHits() - b.cacheHits(),
                            w.cacheMisses() + w.cacheErrors() - b.cacheMisses() - b.cacheErrors());
                });
                double db = 0;
                double waiting = 0;
                boolean anyDb = false;
                for (var p : w.pools().entrySet()) {
                    if (p.getKey().equals("redis")) {
                        v.redisPoolActive = OptionalDouble.of(p.getValue().active());
                    } else {
                        anyDb = true;
                        db += p.getValue().active();
                        waiting += p.getValue().waiting();
                    }
                }
                if (anyDb) {
                    v.dbPoolActive = OptionalDouble.of(db);
                    v.dbPoolWaiting = OptionalDouble.of(waiting);
                }
            }
            case Reading.Balancer b -> {
                v.backendsUp = OptionalDouble.of(b.serversUp());
                v.backendsDown = OptionalDouble.of(b.serversDown());
                v.sessions = OptionalDouble.of(b.sessions());
                before.filter(Reading.Balancer.class::isInstance).map(Reading.Balancer.class::cast)
                        .ifPresent(p -> v.retriesPerSecond = rate(b.retries() + b.redispatches(),
                                p.retries() + p.redispatches(), seconds));
            }
            case Reading.Cache c -> {
                v.role = c.role();
                v.replicas = OptionalDouble.of(c.connectedReplicas());
                v.memoryBytes = OptionalDouble.of(c.usedMemory());
                before.filter(Reading.Cache.class::isInstance).map(Reading.Cache.class::cast)
                        .ifPresent(p -> v.hitRatio = ratio(c.keyspaceHits() - p.keyspaceHits(),
                                c.keyspaceMisses() - p.keyspaceMisses()));
                if (!c.linkUp()) {
                    v.status = "link to the primary is down";
                }
            }
            case Reading.Edge e -> before.filter(Reading.Edge.class::isInstance).map(Reading.Edge.class::cast)
                    .ifPresent(b -> {
                        v.requestsPerSecond = rate(e.requests(), b.requests(), seconds);
                        v.errorsPerSecond = rate(e.errors(), b.errors(), seconds);
                        v.hitRatio = ratio(e.fromCache() - b.fromCache(), e.fromOrigin() - b.fromOrigin());
                    });
            case Reading.Sentinel s -> {
                v.replicas = OptionalDouble.of(s.replicas());
                if (!s.primaryStatus().equals("ok")) {
                    v.status = "primary " + s.primaryAddress() + " is " + s.primaryStatus();
                }
            }
            case Reading.Proxies p -> {
                var faults = new java.util.ArrayList<String>();
                for (Reading.Proxy proxy : p.proxies()) {
                    if (!proxy.enabled()) {
                        faults.add(proxy.name() + ": disabled");
                    }
                    proxy.toxics().forEach(toxic -> faults.add(proxy.name() + ": " + toxic));
                }
                v.toxicsActive = OptionalDouble.of(faults.size());
                v.faults = List.copyOf(faults);
            }
            case Reading.Queue q -> {
                v.role = q.leads() ? "leader" : q.leader().isPresent() ? "member" : "node";
                v.memoryBytes = OptionalDouble.of(q.memoryUsed());
                if (q.memoryAlarm() || q.diskAlarm()) {
                    v.status = (q.memoryAlarm() ? "memory" : "disk") + " alarm: publishers are blocked";
                }
                if (q.leads()) {
                    v.queue = Optional.of(new Vitals.JobsQueue(q.ready(), q.unacked(), q.consumers(),
                            q.publishPerSecond(), q.deliverPerSecond(), q.ackPerSecond()));
                }
            }
            case Reading.Worker w -> {
                v.jobsInHand = OptionalDouble.of(w.inFlight());
                before.filter(Reading.Worker.class::isInstance).map(Reading.Worker.class::cast).ifPresent(b -> {
                    v.jobsPerSecond = rate(w.done(), b.done(), seconds);
                    v.p99Ms = p99Ms(w.duration(), b.duration());
                });
            }
            case Reading.Sql q -> {
                v.role = q.role();
                q.lagSeconds().ifPresent(l -> v.lagSeconds = OptionalDouble.of(l));
                v.gtid = q.gtid().isEmpty() ? Optional.empty() : Optional.of(q.gtid());
                v.connections = OptionalDouble.of(q.connections());
                if (q.role().startsWith("replica") && !q.replicating()) {
                    v.status = "replication stopped";
                }
            }
        }
        return v.build();
    }

    /** Per second between two readings of a counter; a counter that went down was reset (a restart): it counts from 0. */
    static OptionalDouble rate(double now, double before, double seconds) {
        if (seconds <= 0) {
            return OptionalDouble.empty();
        }
        double delta = now >= before ? now - before : now;
        return OptionalDouble.of(delta / seconds);
    }

    /** The 99th percentile in milliseconds of what a histogram in seconds observed between two readings. */
    static OptionalDouble p99Ms(List<Reading.Bucket> now, List<Reading.Bucket> before) {
        return quantile(0.99, now, before).stream().map(x -> x * 1000).findFirst();
    }

    /** part / (part + rest); empty when both are 0 (nothing was looked up). */
    static OptionalDouble ratio(double part, double rest) {
        double total = part + rest;
        return total <= 0 || part < 0 || rest < 0 ? OptionalDouble.empty() : OptionalDouble.of(part / total);
    }

    /**
     * The {@code q} quantile of what was observed between two readings of a cumulative histogram, interpolated
     * linearly inside the bucket it falls in, as Prometheus' histogram_quantile does; the highest finite bound when it
     * falls in the +Inf bucket. Empty when nothing was observed. A histogram that went down was reset: {@code now}
     * counts alone.
     */
    static OptionalDouble quantile(double q, List<Reading.Bucket> now, List<Reading.Bucket> before) {
        if (now.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] counts = new double[now.size()];
        boolean reset = before.size() != now.size();
        for (int i = 0; i < now.size() && !reset; i++) {
            counts[i] = now.get(i).count() - before.get(i).count();
            reset = counts[i] < 0;
        }
        if (reset) {
            for (int i = 0; i < now.size(); i++) {
                counts[i] = now.get(i).count();
            }
        }
        double total = counts[counts.length - 1];
        if (total <= 0) {
            return OptionalDouble.empty();
        }
        double rank = q * total;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= rank) {
                double upper = now.get(i).le();
                if (Double.isInfinite(upper)) {
                    return i == 0 ? OptionalDouble.empty() : OptionalDouble.of(now.get(i - 1).le());
                }
                double lower = i == 0 ? 0 : now.get(i - 1).le();
                double below = i == 0 ? 0 : counts[i - 1];
                double inBucket = counts[i] - below;
                return OptionalDouble.of(inBucket <= 0 ? upper : lower + (upper - lower) * (rank - below) / inBucket);
            }
        }
        return OptionalDouble.empty();
    }

    /** The signs being filled in for one container. */
    private static final class Fill {
        private final Target t;
        String role;
        String status = Vitals.OK;
        OptionalDouble requestsPerSecond = OptionalDouble.empty();
        OptionalDouble errorsPerSecond = OptionalDouble.empty();
        OptionalDouble p99Ms = OptionalDouble.empty();
        OptionalDouble noteCacheHitRatio = OptionalDouble.empty();
        OptionalDouble dbPoolActive = OptionalDouble.empty();
        OptionalDouble dbPoolWaiting = OptionalDouble.empty();
        OptionalDouble redisPoolActive = OptionalDouble.empty();
        OptionalDouble backendsUp = OptionalDouble.empty();
        OptionalDouble backendsDown = OptionalDouble.empty();
        OptionalDouble sessions = OptionalDouble.empty();
        OptionalDouble retriesPerSecond = OptionalDouble.empty();
        OptionalDouble hitRatio = OptionalDouble.empty();
        OptionalDouble replicas = OptionalDouble.empty();
        OptionalDouble memoryBytes = OptionalDouble.empty();
        OptionalDouble lagSeconds = OptionalDouble.empty();
        Optional<String> gtid = Optional.empty();
        OptionalDouble connections = OptionalDouble.empty();
        OptionalDouble toxicsActive = OptionalDouble.empty();
        List<String> faults = List.of();
        Optional<Vitals.JobsQueue> queue = Optional.empty();
        OptionalDouble jobsPerSecond = OptionalDouble.empty();
        OptionalDouble jobsInHand = OptionalDouble.empty();

        Fill(Target t) {
            this.t = t;
            this.role = t.role();
        }

        Vitals build() {
            return new Vitals(t.container(), t.tier(), role, t.state(), t.health(), status, requestsPerSecond,
                    errorsPerSecond, p99Ms, noteCacheHitRatio, dbPoolActive, dbPoolWaiting, redisPoolActive, backendsUp,
                    backendsDown, sessions, retriesPerSecond, hitRatio, replicas, memoryBytes, lagSeconds, gtid,
                    connections, toxicsActive, faults, queue, jobsPerSecond, jobsInHand);
        }
    }
}
