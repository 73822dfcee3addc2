package dev.scaler.webapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference worker's settings from the env contract (docs/topology.md): the queue, the databases the notes live
 * in, how many unacknowledged jobs the queue may hand it (prefetch) and how many it works on at once (concurrency).
 */
record WorkerSettings(int port, String instance, QueueSettings queue, DatabaseSettings database, int prefetch,
        int concurrency) {
    static final int DEFAULT_PREFETCH = 10;
    static final int DEFAULT_CONCURRENCY = 4;

    /**
     * Reads the environment; {@code hostname} names the worker when neither SCALER_INSTANCE nor HOSTNAME is set.
     *
     * @throws ConfigException listing every invalid or missing variable
     */
    static WorkerSettings fromEnv(Map<String, String> env, java.util.function.Supplier<String> hostname) {
        List<String> problems = new ArrayList<>();
        int port = number(env, "SCALER_PORT", Config.DEFAULT_PORT, 0, 65535, problems);
        String instance = Config.value(env, "SCALER_INSTANCE").or(() -> Config.value(env, "HOSTNAME")).orElseGet(hostname);
        Optional<QueueSettings> queue = QueueSettings.fromEnv(env, problems);
        if (queue.isEmpty() && Config.value(env, "SCALER_QUEUE_ADDRESSES").isEmpty()) {
            problems.add("SCALER_QUEUE_ADDRESSES must name the queue's nodes (host:port,...): a worker without a queue has nothing to do");
        }
        DatabaseSettings database = DatabaseSettings.fromEnv(env, problems);
        if (!database.configured()) {
            problems.add("SCALER_DB_PRIMARY_URL or SCALER_SHARD_URLS must be set: the worker stores results beside the notes");
        }
        int prefetch = number(env, "SCALER_WORKER_PREFETCH", DEFAULT_PREFETCH, 1, 65535, problems);
        int concurrency = number(env, "SCALER_WORKER_CONCURRENCY", DEFAULT_CONCURRENCY, 1, 256, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new WorkerSettings(port, instance, queue.orElseThrow(), database, prefetch, concurrency);
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max, List<String> problems) {
        Optional<String> raw = Config.value(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        problems.add(name + " must be a whole number " + min + ".." + max + ", got '" + raw.get() + "'");
        return fallback;
    }
}
