package dev.scaler.webapp;

import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the app's tables with CREATE TABLE IF NOT EXISTS on each primary, in the background,
 * retrying every second until each answers: the app starts (and passes /healthz) before its
 * databases do. Replicas get the tables through replication.
 */
final class Schema implements AutoCloseable {
    static final String USERS = """
            CREATE TABLE IF NOT EXISTS users (
              name VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
              created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
              last_login TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""";
    // ascii_bin: user names are ASCII and case-sensitive (Alice is not alice), ids are ASCII.
    static final String NOTES = """
            CREATE TABLE IF NOT EXISTS notes (
              id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
              `user` VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
              text TEXT NOT NULL,
              version INT NOT NULL,
              updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
              KEY notes_user (`user`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""";
    // Beside the notes, on each shard primary: a job is about one note and is read back by the note's owner.
    // completions counts finished runs, so a job processed twice (a redelivery racing its first run) shows.
    static final String JOBS = """
            CREATE TABLE IF NOT EXISTS jobs (
              id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
              note_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
              `user` VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
              submitted_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
              completions INT NOT NULL DEFAULT 0,
              words INT NULL,
              sha256 CHAR(64) CHARACTER SET ascii NULL,
              note_version INT NULL,
              done_at TIMESTAMP(6) NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""";

    static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    private final Map<Database, List<String>> pending = new LinkedHashMap<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean closed;
    private Thread thread;

    /** Asks for {@code statements} on {@code database}, in order; call before {@link #start}. */
    Schema on(Database database, String... statements) {
        pending.computeIfAbsent(database, d -> new ArrayList<>()).addAll(List.of(statements));
        return this;
    }

    Schema start() {
        thread = Thread.ofVirtual().name("scaler-schema").start(this::run);
        return this;
    }

    /** True once every database has its tables (at once when there is none): the replica's readiness. */
    boolean ready() {
        return done.getCount() == 0;
    }

    /** True once every database has its tables; for tests. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        Map<Database, Boolean> warned = new LinkedHashMap<>();
        while (!closed && !pending.isEmpty()) {
            for (var it = pending.entrySet().iterator(); it.hasNext() && !closed; ) {
                var entry = it.next();
                try {
                    entry.getKey().write(connection -> {
                        try (Statement statement = connection.createStatement()) {
                            for (String sql : entry.getValue()) {
                                statement.execute(sql);
                            }
                        }
                        return null;
                    });
                    LOG.info("schema ready on {}", entry.getKey().name());
                    it.remove();
                } catch (DatabaseUnavailableException e) {
                    if (warned.put(entry.getKey(), true) == null) {
                        LOG.info("schema on {} waits for the database; retrying every {} ms", entry.getKey().name(), RETRY.toMillis());
                    }
                } catch (RuntimeException e) {
                    if (closed) {
                        return; // interrupted by close(): the pool refused, nothing went wrong
                    }
                    LOG.error("schema on {} failed; retrying", entry.getKey().name(), e);
                }
            }
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        if (pending.isEmpty()) {
            done.countDown();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
