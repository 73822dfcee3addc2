package dev.scaler.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes cached as JSON under {@code scaler:note:<id>} for 60 s. A fill never replaces a newer
 * cached version with an older one (a lagging replica's answer racing the primary's). Redis
 * failures make the cache act empty; {@link Redis} logs them once per outage.
 */
final class RedisNoteCache implements NoteCache {
    static final String KEY_PREFIX = "scaler:note:";
    static final Duration TTL = Duration.ofSeconds(60);

    // Runs atomically in Redis: keep the cached copy when it is at least as new as the one offered.
    private static final String PUT_IF_NEWER = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local ok, cached = pcall(cjson.decode, current)
              if ok and type(cached) == 'table' and tonumber(cached.version) and tonumber(cached.version) >= tonumber(ARGV[2]) then
                return 0
              end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
            return 1""";

    private static final Logger LOG = LoggerFactory.getLogger(RedisNoteCache.class);

    /** The JSON stored in Redis. */
    record Stored(String id, String user, String text, long version, String updatedAt) {}

    private final Redis redis;
    private final AppMetrics metrics;

    RedisNoteCache(Redis redis, AppMetrics metrics) {
        this.redis = redis;
        this.metrics = metrics;
    }

    @Override
    public Optional<Note> get(String id) {
        String json;
        try {
            json = redis.call(r -> r.get(KEY_PREFIX + id));
        } catch (SessionStoreUnavailableException e) {
            metrics.cacheError();
            return Optional.empty();
        }
        if (json == null) {
            metrics.cacheMiss();
            return Optional.empty();
        }
        try {
            Stored s = Json.read(json, Stored.class);
            if (s == null || s.id() == null || s.user() == null || s.text() == null || s.updatedAt() == null || !s.id().equals(id)) {
                throw new IllegalArgumentException("fields missing");
            }
            Note note = new Note(s.id(), s.user(), s.text(), s.version(), Instant.parse(s.updatedAt()));
            metrics.cacheHit();
            return Optional.of(note);
        } catch (JsonProcessingException | RuntimeException e) {
            metrics.cacheMiss();
            LOG.warn("ignoring unreadable cache entry {}{}: {}", KEY_PREFIX, id, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(Note note) {
        String json = Json.writeString(new Stored(note.id(), note.user(), note.text(), note.version(), note.updatedAt().toString()));
        try {
            redis.call(r -> r.eval(PUT_IF_NEWER, List.of(KEY_PREFIX + note.id()),
                    List.of(json, Long.toString(note.version()), Long.toString(TTL.toSeconds()))));
        } catch (SessionStoreUnavailableException e) {
            // A missed fill costs a database read later, nothing else.
        }
    }

    @Override
    public void evict(String id) {
        try {
            redis.call(r -> r.del(KEY_PREFIX + id));
        } catch (SessionStoreUnavailableException e) {
            // The write is committed; a stale copy may be served to readers without a newer
            // acknowledged version for at most the TTL. The writer itself is protected by AckedVersions.
            LOG.warn("could not invalidate {}{} after a write: {}", KEY_PREFIX, id, e.getMessage());
        }
    }
}
