package dev.scaler.webapp;

import java.io.IOException;
import java.time.Duration;

/**
 * Everything the app runs, built from a {@link Config}: Redis (direct or through Sentinel), the
 * database tier and the HTTP server; stopped as one. Nothing here waits for Redis or a database.
 */
public final class Application implements AutoCloseable {
    private final Redis redis;
    private final DataTier data;
    private final WebApp web;

    private Application(Redis redis, DataTier data, WebApp web) {
        this.redis = redis;
        this.data = data;
        this.web = web;
    }

    /** Binds the port and serves; Redis and databases are connected on first use. */
    public static Application start(Config config) throws IOException {
        Redis redis = config.sentinel()
                .map(sentinel -> Redis.sentinel(sentinel, config.redisPassword(), config.redisVia()))
                .orElseGet(() -> Redis.direct(config.redis(), config.redisPassword(), config.redisVia()));
        AppMetrics metrics = new AppMetrics();
        redis.measure(metrics);
        DataTier data = DataTier.open(config.database(), redis, metrics);
        try {
            WebApp web = WebApp.start(config, new RedisSessionStore(redis), data.notes(), data.users(), metrics,
                    new Readiness(data.schema()::ready));
            return new Application(redis, data, web);
        } catch (IOException | RuntimeException e) {
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
        data.close();
        redis.close();
    }

    @Override
    public void close() {
        stop(WebApp.DEFAULT_GRACE);
    }
}
