package dev.scaler.webapp;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The app's one Redis connection pool, direct or through Sentinel, shared by sessions, the note
 * cache and the acknowledged versions. Every call fails fast (1 s timeouts) with
 * {@link SessionStoreUnavailableException}, and outages are logged once per transition.
 *
 * <p>Through Sentinel, Jedis asks the sentinels for the current master and follows
 * {@code +switch-master}, so a Redis failover needs no restart. Jedis' sentinel client refuses
 * to be built while no sentinel answers; it is therefore built on first use, and again after a
 * failure at most once a second, so the app starts (and passes /healthz) before Redis does.
 */
final class Redis implements AutoCloseable {
    // Short timeouts: a stalled Redis must turn into a fast 503, not a request hanging until the LB gives up.
    static final int TIMEOUT_MILLIS = 1000;
    private static final int MAX_CONNECTIONS = 32;
    private static final Duration REBUILD_AFTER = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);

    private final String description;
    private final Supplier<UnifiedJedis> factory;
    private final AtomicBoolean available = new AtomicBoolean(true);
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final Object lock = new Object();
    private volatile UnifiedJedis client;
    private volatile long failedAtNanos;
    private volatile boolean failedOnce;
    private volatile boolean closed;

    private Redis(String description, Supplier<UnifiedJedis> factory) {
        this.description = description;
        this.factory = factory;
    }

    /** One Redis at a fixed address; connects lazily. */
    static Redis direct(RedisEndpoint endpoint, Optional<String> password) {
        return direct(endpoint, password, RedisVia.NONE);
    }

    /** One Redis at a fixed address, dialled through its proxy when {@code via} names one; connects lazily. */
    static Redis direct(RedisEndpoint endpoint, Optional<String> password, RedisVia via) {
        JedisClientConfig client = clientConfig(password, via);
        return new Redis(endpoint.toString(), () -> RedisClient.builder()
                .hostAndPort(new HostAndPort(endpoint.host(), endpoint.port()))
                .clientConfig(client)
                .poolConfig(poolConfig())
                .build());
    }

    /**
     * The master that the sentinels name, followed across failovers. Master connections go through
     * the proxy {@code via} names for the master's address (Jedis applies a client config's mapper to
     * every connection it makes with that config); connections to the sentinels stay direct.
     */
    static Redis sentinel(SentinelSettings settings, Optional<String> password, RedisVia via) {
        Set<HostAndPort> sentinels = new LinkedHashSet<>();
        settings.sentinels().forEach(s -> sentinels.add(new HostAndPort(s.host(), s.port())));
        JedisClientConfig master = clientConfig(password, via);
        JedisClientConfig sentinel = clientConfig(settings.sentinelPassword(), RedisVia.NONE);
        String through = via.routes().isEmpty() ? "" : " through proxies " + via.routes().values();
        return new Redis("sentinel master " + settings.master() + " via " + settings.sentinels() + through,
                () -> RedisSentinelClient.builder()
                        .masterName(settings.master())
                        .sentinels(sentinels)
                        .clientConfig(master)
                        .sentinelClientConfig(sentinel)
                        .poolConfig(poolConfig())
                        .build());
    }

    String description() {
        return description;
    }

    /**
     * Registers the pool's use as calls in flight: each call holds one pooled connection, and this counts the same
     * whether the pool is direct or follows Sentinel (whose pool Jedis does not expose).
     */
    void measure(AppMetrics metrics) {
        metrics.pool("redis", () -> Math.min(inFlight.get(), MAX_CONNECTIONS),
                () -> Math.max(0, inFlight.get() - MAX_CONNECTIONS), MAX_CONNECTIONS);
    }

    /**
     * Runs one command. After a Redis restart or failover every pooled connection is dead; a
     * broken connection is retried once on a fresh one, so the first request per connection does
     * not fail. A timeout is not retried: it would only double the wait.
     *
     * @throws SessionStoreUnavailableException when Redis does not answer
     */
    <T> T call(Function<UnifiedJedis, T> command) {
        inFlight.incrementAndGet();
        try {
            T result = callRetryingStale(command);
            if (available.compareAndSet(false, true)) {
                LOG.info("redis {} answers again", description);
            }
            return result;
        } catch (JedisException e) {
            // Logged on the transition only: during an outage every request fails, and the log must stay readable.
            if (available.compareAndSet(true, false)) {
                LOG.warn("redis {} unavailable: {}", description, e.getMessage());
            }
            throw new SessionStoreUnavailableException("session store unavailable", e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private <T> T callRetryingStale(Function<UnifiedJedis, T> command) {
        UnifiedJedis redis = client();
        try {
            return command.apply(redis);
        } catch (JedisConnectionException e) {
            if (causedByTimeout(e)) {
                throw e;
            }
            return command.apply(redis);
        }
    }

    private UnifiedJedis client() {
        UnifiedJedis current = client;
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            if (client != null) {
                return client;
            }
            if (closed) {
                throw new JedisConnectionException("closed"); // a request that outlived the shutdown
            }
            if (failedOnce && System.nanoTime() - failedAtNanos < REBUILD_AFTER.toNanos()) {
                throw new JedisConnectionException("no sentinel answered in the last second");
            }
            try {
                client = factory.get();
                return client;
            } catch (JedisException e) {
                failedOnce = true;
                failedAtNanos = System.nanoTime();
                throw e;
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    private static JedisClientConfig clientConfig(Optional<String> password, RedisVia via) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                // CLIENT SETINFO needs Redis 7.2; Debian bookworm ships 7.0.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                // RESP2 said outright: no HELLO round trip, and Jedis' sentinel connections stop warning about negotiation.
                .protocol(RedisProtocol.RESP2);
        password.filter(p -> !p.isEmpty()).ifPresent(client::password);
        if (!via.routes().isEmpty()) {
            client.hostAndPortMapper(via.mapper());
        }
        return client.build();
    }

    private static ConnectionPoolConfig poolConfig() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMinIdle(0);
        // The default waits forever for a free connection; under overload that is a hang, not a 503.
        pool.setMaxWait(Duration.ofMillis(TIMEOUT_MILLIS));
        pool.setBlockWhenExhausted(true);
        pool.setJmxEnabled(false);
        return pool;
    }

    private static boolean causedByTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
