package dev.scaler.webapp;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** Acknowledged versions in memory. */
final class InMemoryAckedVersions implements AckedVersions {
    private final Map<String, Map<String, Long>> byUser = new ConcurrentHashMap<>();

    @Override
    public OptionalLong get(String user, String noteId) {
        Long v = byUser.getOrDefault(user, Map.of()).get(noteId);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Override
    public Map<String, Long> all(String user) {
        return Map.copyOf(byUser.getOrDefault(user, Map.of()));
    }

    @Override
    public void record(String user, String noteId, long version) {
        byUser.computeIfAbsent(user, u -> new ConcurrentHashMap<>()).merge(noteId, version, Math::max);
    }

    void forget(String user) {
        byUser.remove(user);
    }
}
