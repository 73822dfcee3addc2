package dev.scaler.collect;

import dev.scaler.monitor.Collector;
import dev.scaler.plan.Planner;
import dev.scaler.state.Secrets;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * One collector per tier, each reading the tier's own interface at the container's address on the project network:
 * the web replicas' /metrics, HAProxy's stats, Redis' INFO, SQL status, Toxiproxy's proxies and toxics,
 * RabbitMQ's management API, the reference worker's /metrics. Reaching containers directly is what makes a
 * reading cost a few milliseconds (docs/monitoring.md: `docker exec` of a client costs about 100 ms of the engine's
 * CPU per call, measured); it needs the engine's networks to be routable from this host, as on Linux.
 */
public final class Collectors {
    /** A reading that takes longer than this is given up (the server is then shown as silent). */
    public static final Duration TIMEOUT = Duration.ofMillis(700);

    private Collectors() {
    }

    /**
     * The collectors for a project whose generated secrets (Redis password, the database monitoring account's) are
     * in {@code secrets}.
     */
    public static List<Collector> forProject(Secrets secrets) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
        return List.of(new HaproxyStats(http, TIMEOUT), WebMetrics.collector(http, TIMEOUT),
                new RedisInfo(secrets.known(Planner.REDIS_PASSWORD), TIMEOUT),
                new SqlStatus(Planner.DB_MONITOR_USER, secrets.known(Planner.DB_MONITOR_PASSWORD), TIMEOUT),
                new ToxiproxyToxics(), new EdgeLog(http, TIMEOUT),
                new QueueStats(http, TIMEOUT, secrets.known(dev.scaler.plan.QueueTier.PASSWORD)),
                WorkerMetrics.collector(http, TIMEOUT));
    }
}
