package dev.scaler.webapp;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts for tests, with a switch that makes the main database stop answering. */
final class InMemoryUserDirectory implements UserDirectory {
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private volatile boolean down;

    void down(boolean down) {
        this.down = down;
    }

    int size() {
        return accounts.size();
    }

    @Override
    public void recordLogin(String user) {
        failIfDown();
        Instant now = Instant.now();
        accounts.merge(user, new Account(user, now, now, Notes.Source.PRIMARY),
                (old, fresh) -> new Account(user, old.createdAt(), now, Notes.Source.PRIMARY));
    }

    @Override
    public Optional<Account> find(String user) {
        failIfDown();
        return Optional.ofNullable(accounts.get(user));
    }

    private void failIfDown() {
        if (down) {
            throw new DatabaseUnavailableException("database main unavailable: CONNECTION", new java.sql.SQLException("down"),
                    false);
        }
    }
}
