package dev.scaler.webapp;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the app runs, built from a {@link Config}: Redis (direct or through Sentinel), the
 * database tier and the HTTP server; stopped as one. Nothing here waits for Redis or a database.
 */
public final class Application implements AutoCloseable {
    private final Redis redis;
    private final DataTier data;
    private final WebApp web;
    private final JobQueue queue;

    private Application(Redis redis, DataTier data, WebApp web, JobQueue queue) {
        this.redis = redis;
        this.data = data;
        this.web = web;
        this.queue = queue;
    }

    /** Binds the port and serves; Redis and databases are connected on first use. */
    public static Application start(Config config) throws IOException {
        return start(config, Optional.empty());
    }

    /** The same, publishing digest jobs on {@code queue} (connected in the background; POST /jobs answers 503 until then). */
    static Application start(Config config, Optional<QueueSettings> queueSettings) throws IOException {
        Redis redis = config.sentinel()
                .map(sentinel -> Redis.sentinel(sentinel, config.redisPassword(), config.redisVia()))
                .orElseGet(() -> Redis.direct(config.redis(), config.redisPassword(), config.redisVia()));
        AppMetrics metrics = new AppMetrics();
        redis.measure(metrics);
        DataTier data = DataTier.open(config.database(), redis, metrics);
        JobQueue queue = queueSettings.<JobQueue>map(q -> RabbitJobQueue.start(q, config.instance(), metrics))
                .orElse(JobQueue.NONE);
        try {
            WebApp web = WebApp.start(config, new RedisSessionStore(redis), data.notes(), data.users(),
                    data.jobs(queue), metrics, new Readiness(data.schema()::ready));
            return new Application(redis, data, web, queue);
        } catch (IOException | RuntimeException e) {
            queue.close();
            data.close();
            redis.close();
            throw e;
        }
    }

    public WebApp web() {
        return web;
    }

    public int port() {
        return web.port();
    }

    /** Blocks until every configured database has its tables; for tests. */
    boolean awaitSchema(Duration timeout) throws InterruptedException {
        return data.schema().awaitReady(timeout);
    }

    /** Stops serving within {@code grace}, then closes the pools. */
    public void stop(Duration grace) {
        web.stop(grace);
        queue.close();
        data.close();
        redis.close();
    }

    @Override
    public void close() {
        stop(WebApp.DEFAULT_GRACE);
    }
}
