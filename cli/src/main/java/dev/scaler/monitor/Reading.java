package dev.scaler.monitor;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one container's own interface said at one moment: counters as they stand (rates need two readings, {@link
 * Derive}), gauges as they are. One record per kind of server; {@link Silent} when it could not be read.
 */
public sealed interface Reading {

    /**
     * A web replica's /metrics: requests by status class, the latency histogram (cumulative buckets, seconds), its
     * pools, and note cache lookups; all counters since the replica started.
     */
    record Web(Map<String, Double> requestsByCode, List<Bucket> latency, Map<String, Pool> pools, double cacheHits,
            double cacheMisses, double cacheErrors) implements Reading {
        public Web {
            requestsByCode = Map.copyOf(requestsByCode);
            latency = List.copyOf(latency);
            pools = Map.copyOf(pools);
        }

        /** Every request answered. */
        public double requests() {
            return requestsByCode.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Requests answered with a 5xx. */
        public double errors() {
            return requestsByCode.getOrDefault("5xx", 0.0);
        }
    }

    /** One cumulative histogram bucket: how many observations were at most {@code le}. */
    record Bucket(double le, double count) {
    }

    /** A connection pool: connections in use, requests waiting for one, its limit. */
    record Pool(double active, double waiting, double max) {
    }

    /**
     * An HAProxy's stats: servers up and down (slots without an address are neither), current sessions on its
     * frontends, and its backends' retries, redispatches and failed connects (counters).
     */
    record Balancer(int serversUp, int serversDown, long sessions, double retries, double redispatches,
            double connectErrors) implements Reading {
    }

    /**
     * A Redis node's INFO: its role as it says it, replicas connected to it, keyspace hits and misses (counters),
     * memory used and its limit (0: none), and for a replica whether its link to the primary is up.
     */
    record Cache(String role, int connectedReplicas, double keyspaceHits, double keyspaceMisses, long usedMemory,
            long maxMemory, boolean linkUp) implements Reading {
    }

    /** A Sentinel's INFO: what it says of the primary it watches, and how many replicas and Sentinels it knows. */
    record Sentinel(String primaryStatus, String primaryAddress, int replicas, int sentinels) implements Reading {
    }

    /**
     * A MySQL/MariaDB server: its role as it says it (primary, replica, fenced), the replica's lag in seconds (empty
     * for a primary, or when replication is stopped), its GTID position, and client connections.
     */
    record Sql(String role, OptionalLong lagSeconds, String gtid, long connections, boolean replicating)
            implements Reading {
    }

    /**
     * A Toxiproxy's proxies as its API lists them: the toxics in effect on each (in Toxiproxy's words, e.g.
     * {@code scaler-2-latency=latency(latency=200,jitter=20) downstream toxicity 0.5}; empty for a clean proxy) and
     * whether it is enabled (a disabled proxy refuses every connection).
     */
    record Proxies(List<Proxy> proxies) implements Reading {
        public Proxies {
            proxies = List.copyOf(proxies);
        }
    }

    /** One proxy of a {@link Proxies} reading. */
    record Proxy(String name, boolean enabled, List<String> toxics) {
        public Proxy {
            toxics = List.copyOf(toxics);
        }
    }

    /**
     * The CDN edge's access log, counted: asset requests by how its cache answered (nginx's {@code
     * $upstream_cache_status}: HIT, MISS, STALE, UPDATING, EXPIRED, REVALIDATED, BYPASS; "-" when the cache was not
     * asked) and the answers that were 5xx; all counters since the edge started.
     */
    record Edge(Map<String, Double> byCacheStatus, double errors) implements Reading {
        public Edge {
            byCacheStatus = Map.copyOf(byCacheStatus);
        }

        /** Answered from the edge's own copy, fresh or stale: the origin was not waited for. */
        public double fromCache() {
            return count("HIT") + count("STALE") + count("UPDATING") + count("REVALIDATED");
        }

        /** Answered by asking the origin first. */
        public double fromOrigin() {
            return count("MISS") + count("EXPIRED") + count("BYPASS");
        }

        /** Every request counted. */
        public double requests() {
            return byCacheStatus.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        private double count(String status) {
            return byCacheStatus.getOrDefault(status, 0.0);
        }
    }

    /**
     * A RabbitMQ node's management API: its memory and alarms, and the jobs queue as the cluster sees it (who leads it,
     * messages ready and unacknowledged, consumers, and the publish, deliver and ack rates RabbitMQ computes itself);
     * {@code leader} is empty while the queue does not exist.
     */
    record Queue(String node, long memoryUsed, boolean memoryAlarm, boolean diskAlarm, java.util.Optional<String> leader,
            long ready, long unacked, int consumers, double publishPerSecond, double deliverPerSecond,
            double ackPerSecond) implements Reading {
        /** True when this node leads the jobs queue. */
        public boolean leads() {
            return leader.filter(node::equals).isPresent();
        }
    }

    /**
     * The reference worker's /metrics: deliveries by outcome (done, already_done, dropped, requeued) and the histogram
     * of their processing time (cumulative buckets, seconds), counters since the worker started; the deliveries it
     * holds now.
     */
    record Worker(Map<String, Double> jobsByOutcome, List<Bucket> duration, double inFlight) implements Reading {
        public Worker {
            jobsByOutcome = Map.copyOf(jobsByOutcome);
            duration = List.copyOf(duration);
        }

        /** Jobs this worker did itself: a redelivery of a job already done, a drop or a requeue is not one. */
        public double done() {
            return jobsByOutcome.getOrDefault("done", 0.0);
        }
    }

    /** No collector reads this kind of container (the failover agent, for one): nothing is wrong with it. */
    record Unwatched() implements Reading {
    }

    /** Nothing could be read: the container does not run, or its interface did not answer; {@code why} says which. */
    record Silent(String why) implements Reading {
    }
}
