package dev.scaler.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One container's vital signs at one moment, as `scaler top`, `status --metrics` and a run's samples show them.
 * Rates are per second over the interval since the previous reading of the same container; a sign that does not
 * apply to the container, or could not be read, is empty (and left out of JSON).
 *
 * @param status           "ok", or why nothing could be read
 * @param requestsPerSecond web: requests answered per second (health checks excluded); cdn edge: asset requests
 * @param errorsPerSecond  web and cdn edge: 5xx answers per second
 * @param p99Ms            web: 99th percentile of request latency over the interval (from the histogram buckets);
 *                         reference worker: of the time processing one delivery took, until it was acked or returned
 * @param noteCacheHitRatio web: share of note cache lookups that hit, over the interval
 * @param dbPoolActive     web: database connections in use, all pools together
 * @param dbPoolWaiting    web: requests waiting for a database connection
 * @param redisPoolActive  web: Redis connections in use
 * @param backendsUp       lb and database router: servers up
 * @param backendsDown     lb and database router: servers down (slots with no address are not counted)
 * @param sessions         lb: current sessions on its frontends
 * @param retriesPerSecond lb: retries and redispatches per second
 * @param hitRatio         cache node: keyspace hits / (hits + misses) over the interval; cdn edge: asset requests
 *                         answered from its cache (fresh or stale) / those that asked the origin too
 * @param replicas         cache node: replicas connected to it; sentinel: replicas it knows
 * @param memoryBytes      cache node: memory used
 * @param lagSeconds       database and shard replicas: seconds behind the primary, as the replica says
 * @param gtid             database and shard nodes: the GTID position (executed on a replica, written on a primary)
 * @param connections      database and shard nodes: client connections
 * @param toxicsActive     proxy: toxics in effect on its proxies, plus its disabled proxies (each a fault in effect)
 * @param faults           proxy: each of those faults as "proxy: toxic" (Toxiproxy's truth, not the run's journal)
 * @param queue            queue node leading the jobs queue: that queue's depth, consumers and rates (on the leader
 *                         only, so that summing over containers counts the queue once)
 * @param jobsPerSecond    reference worker: jobs it did per second (not redeliveries of jobs already done, drops or
 *                         requeues)
 * @param jobsInHand       reference worker: deliveries it has taken and not yet settled
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Vitals(String container, String tier, String role, String state, String health, String status,
        OptionalDouble requestsPerSecond, OptionalDouble errorsPerSecond, OptionalDouble p99Ms,
        OptionalDouble noteCacheHitRatio, OptionalDouble dbPoolActive, OptionalDouble dbPoolWaiting,
        OptionalDouble redisPoolActive, OptionalDouble backendsUp, OptionalDouble backendsDown, OptionalDouble sessions,
        OptionalDouble retriesPerSecond, OptionalDouble hitRatio, OptionalDouble replicas, OptionalDouble memoryBytes,
        OptionalDouble lagSeconds, Optional<String> gtid, OptionalDouble connections, OptionalDouble toxicsActive,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> faults, Optional<JobsQueue> queue,
        OptionalDouble jobsPerSecond, OptionalDouble jobsInHand) {

    public Vitals {
        // Samples written before Toxiproxy was read have no faults field; before the queue, no queue field. (A missing
        // OptionalDouble, such as the workers' jobs fields in older samples, Jackson reads as empty itself.)
        faults = faults == null ? List.of() : List.copyOf(faults);
        queue = queue == null ? Optional.empty() : queue;
    }

    /** The signs of a container that is neither a queue node nor a worker. */
    public Vitals(String container, String tier, String role, String state, String health, String status,
            OptionalDouble requestsPerSecond, OptionalDouble errorsPerSecond, OptionalDouble p99Ms,
            OptionalDouble noteCacheHitRatio, OptionalDouble dbPoolActive, OptionalDouble dbPoolWaiting,
            OptionalDouble redisPoolActive, OptionalDouble backendsUp, OptionalDouble backendsDown,
            OptionalDouble sessions, OptionalDouble retriesPerSecond, OptionalDouble hitRatio, OptionalDouble replicas,
            OptionalDouble memoryBytes, OptionalDouble lagSeconds, Optional<String> gtid, OptionalDouble connections,
            OptionalDouble toxicsActive, List<String> faults) {
        this(container, tier, role, state, health, status, requestsPerSecond, errorsPerSecond, p99Ms,
                noteCacheHitRatio, dbPoolActive, dbPoolWaiting, redisPoolActive, backendsUp, backendsDown, sessions,
                retriesPerSecond, hitRatio, replicas, memoryBytes, lagSeconds, gtid, connections, toxicsActive, faults,
                Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** The jobs queue's vital signs: depth (ready, unacknowledged), consumers, and messages per second. */
    public record JobsQueue(long ready, long unacked, int consumers, double publishPerSecond, double deliverPerSecond,
            double ackPerSecond) {
    }

    public static final String OK = "ok";
    /** The status of a container that no collector reads. */
    public static final String UNWATCHED = "not read";

    /** True when the container's interface answered. */
    public boolean answered() {
        return OK.equals(status);
    }

    /** True when it should have answered and did not (or said something is wrong). */
    public boolean silent() {
        return !answered() && !UNWATCHED.equals(status);
    }
}
