package dev.scaler.monitor;

/**
 * Reads one kind of server with its own interface (a web replica's /metrics, HAProxy's stats, Redis' INFO, SQL
 * status, Toxiproxy's API). One small implementation per tier; a new tier adds one, and a {@link Reading} record for
 * what it reads.
 */
public interface Collector extends AutoCloseable {
    /** True for the containers this collector knows how to read. */
    boolean reads(Target target);

    /** What the container says now; {@link Reading.Silent} when it cannot be read, never an exception. */
    Reading read(Target target);

    /** Closes the connections it keeps between readings. */
    @Override
    default void close() {
    }
}
