package dev.scaler.webapp;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Acknowledged versions as a Redis hash per user, {@code scaler:acked:<user>} (note id to
 * version), expiring 30 minutes after the user's last write, like an idle session. Per user
 * rather than per session cookie: report.md counts a stale read against anything the same user
 * had acknowledged, and one user may hold several sessions (tabs, load-generator workers).
 */
final class RedisAckedVersions implements AckedVersions {
    static final String KEY_PREFIX = "scaler:acked:";
    static final Duration TTL = RedisSessionStore.TTL;

    // Runs atomically in Redis: only ever raise the remembered version.
    private static final String RECORD_MAX = """
            local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
            if not current or current < tonumber(ARGV[2]) then
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            end
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            return 1""";

    private final Redis redis;

    RedisAckedVersions(Redis redis) {
        this.redis = redis;
    }

    @Override
    public OptionalLong get(String user, String noteId) {
        String version = redis.call(r -> r.hget(KEY_PREFIX + user, noteId));
        return parse(version);
    }

    @Override
    public Map<String, Long> all(String user) {
        Map<String, String> raw = redis.call(r -> r.hgetAll(KEY_PREFIX + user));
        Map<String, Long> versions = new HashMap<>();
        raw.forEach((id, v) -> parse(v).ifPresent(version -> versions.put(id, version)));
        return versions;
    }

    @Override
    public void record(String user, String noteId, long version) {
        redis.call(r -> r.eval(RECORD_MAX, List.of(KEY_PREFIX + user),
                List.of(noteId, Long.toString(version), Long.toString(TTL.toSeconds()))));
    }

    private static OptionalLong parse(String version) {
        if (version == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(version));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
