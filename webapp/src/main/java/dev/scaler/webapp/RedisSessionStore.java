package dev.scaler.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/** Sessions as JSON strings under {@code scaler:session:<id>} with a sliding TTL. */
public final class RedisSessionStore implements SessionStore {
    static final String KEY_PREFIX = "scaler:session:";
    static final Duration TTL = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);

    /** The JSON stored in Redis; the id is the key, so it is not repeated. */
    record Stored(String user, String createdAt) {}

    private final Redis redis;
    private final SessionIds ids = new SessionIds(new SecureRandom());

    RedisSessionStore(Redis redis) {
        this.redis = redis;
    }

    /** A store for this endpoint; connects lazily, so the app starts (and passes /healthz) while Redis is down. */
    public static RedisSessionStore connect(RedisEndpoint endpoint, Optional<String> password) {
        return new RedisSessionStore(Redis.direct(endpoint, password));
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

    private <T> T call(Function<UnifiedJedis, T> command) {
        return redis.call(command);
    }
}
