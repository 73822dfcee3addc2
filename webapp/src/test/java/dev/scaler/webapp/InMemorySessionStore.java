package dev.scaler.webapp;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A session store for tests that can be switched off to act like an unreachable Redis. */
final class InMemorySessionStore implements SessionStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionIds ids = new SessionIds(new SecureRandom());
    private volatile boolean down;

    void down(boolean down) {
        this.down = down;
    }

    int size() {
        return sessions.size();
    }

    @Override
    public Session create(String user) {
        failIfDown();
        Session session = new Session(ids.next(), user, Instant.now());
        sessions.put(session.id(), session);
        return session;
    }

    @Override
    public Optional<Session> find(String id) {
        failIfDown();
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public void delete(String id) {
        failIfDown();
        sessions.remove(id);
    }

    @Override
    public void close() {}

    private void failIfDown() {
        if (down) {
            throw new SessionStoreUnavailableException("down for the test", new RuntimeException());
        }
    }
}
