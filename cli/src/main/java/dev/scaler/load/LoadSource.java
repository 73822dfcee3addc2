package dev.scaler.load;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where a measured run's load comes from: this process ({@link LoadGenerator}) or several generators merged. */
public interface LoadSource {

    /** Completes with the {@link System#nanoTime()} of the run's second 0 once warm-up is over. */
    CompletableFuture<Long> started();

    /** A snapshot for the live line. */
    LoadGenerator.Live live();

    /** Window {@code second} once every request scheduled in it has ended; empty before. */
    Optional<Window> settled(int second);

    /** Schedules nothing more; journeys under way finish. */
    void stop();

    /** Runs the whole load, waits for every journey, verifies the ledger, and returns the figures. */
    LoadResult run() throws InterruptedException;

    /** What each of several generators sent, once {@link #run} has returned; empty when one process sent all. */
    default java.util.List<GeneratorFigures> generators() {
        return java.util.List.of();
    }
}
