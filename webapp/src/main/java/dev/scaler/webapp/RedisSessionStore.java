package dev.scaler.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/** Sessions as JSON strings under {@code scaler:session:<id>} with a sliding TTL. */
public final class RedisSessionStore implements SessionStore {
    static final String KEY_PREFIX = "scaler:session:";
    static final Duration TTL = Duration.ofMinutes(30);
    // Short timeouts: a stalled Redis must turn into a fast 503, not a request hanging until the LB gives up.
    private static final int TIMEOUT_MILLIS = 1000;
    private static final int MAX_CONNECTIONS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);

    /** The JSON stored in Redis; the id is the key, so it is not repeated. */
    record Stored(String user, String createdAt) {}

    private final RedisClient redis;
    private final RedisEndpoint endpoint;
    private final SessionIds ids = new SessionIds(new SecureRandom());
    private final AtomicBoolean available = new AtomicBoolean(true);

    private RedisSessionStore(RedisClient redis, RedisEndpoint endpoint) {
        this.redis = redis;
        this.endpoint = endpoint;
    }

    /** A store for this endpoint; connects lazily, so the app starts (and passes /healthz) while Redis is down. */
    public static RedisSessionStore connect(RedisEndpoint endpoint, Optional<String> password) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                // CLIENT SETINFO needs Redis 7.2; Debian bookworm ships 7.0.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        password.ifPresent(client::password);

        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMinIdle(0);
        // The default waits forever for a free connection; under overload that is a hang, not a 503.
        pool.setMaxWait(Duration.ofMillis(TIMEOUT_MILLIS));
        pool.setBlockWhenExhausted(true);
        pool.setJmxEnabled(false);

        RedisClient redis = RedisClient.builder()
                .hostAndPort(new HostAndPort(endpoint.host(), endpoint.port()))
                .clientConfig(client.build())
                .poolConfig(pool)
                .build();
        return new RedisSessionStore(redis, endpoint);
    }

    @Override
    public Session create(String user) {
        Instant now = Instant.now();
        String value = Json.writeString(new Stored(user, now.toString()));
        SetParams onlyIfNew = SetParams.setParams().nx().ex(TTL.toSeconds());
        while (true) {
            String id = ids.next();
            // NX: a 128-bit collision is astronomically unlikely, but never hand one user another's session.
            if (call(r -> r.set(KEY_PREFIX + id, value, onlyIfNew)) != null) {
                return new Session(id, user, now);
            }
        }
    }

    @Override
    public Optional<Session> find(String id) {
        if (!SessionIds.isWellFormed(id)) {
            return Optional.empty(); // never send arbitrary cookie bytes to Redis as a key
        }
        // GETEX reads and slides the expiry in one round trip (Redis 6.2+).
        String json = call(r -> r.getEx(KEY_PREFIX + id, GetExParams.getExParams().ex(TTL.toSeconds())));
        if (json == null) {
            return Optional.empty();
        }
        try {
            Stored stored = Json.read(json, Stored.class);
            if (stored == null || stored.user() == null || stored.createdAt() == null) {
                throw new IllegalArgumentException("user or createdAt missing");
            }
            return Optional.of(new Session(id, stored.user(), Instant.parse(stored.createdAt())));
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            // Treated as logged out rather than as an error: the user can log in again; a 500 would loop.
            LOG.warn("ignoring unreadable session {}{}...: {}", KEY_PREFIX, id.substring(0, 4), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void delete(String id) {
        if (SessionIds.isWellFormed(id)) {
            call(r -> r.del(KEY_PREFIX + id));
        }
    }

    @Override
    public void close() {
        redis.close();
    }

    private <T> T call(Function<RedisClient, T> command) {
        try {
            T result = callRetryingStale(command);
            if (available.compareAndSet(false, true)) {
                LOG.info("session store {} answers again", endpoint);
            }
            return result;
        } catch (JedisException e) {
            // Logged on the transition only: during an outage every request fails, and the log must stay readable.
            if (available.compareAndSet(true, false)) {
                LOG.warn("session store {} unavailable: {}", endpoint, e.getMessage());
            }
            throw new SessionStoreUnavailableException("session store unavailable", e);
        }
    }

    private <T> T callRetryingStale(Function<RedisClient, T> command) {
        try {
            return command.apply(redis);
        } catch (JedisConnectionException e) {
            // After a Redis restart every pooled connection is dead; retry once on a fresh one so the
            // first request per connection does not fail. A timeout is not retried: it would only double the wait.
            if (causedByTimeout(e)) {
                throw e;
            }
            return command.apply(redis);
        }
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
