package dev.scaler.cli;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C while a command works: the command's own stop runs (cancel the apply, stop the load and the faults), the
 * command rolls back what it did and ends with exit 4. A one-shot command gets Ctrl-C (and SIGTERM) through the JVM's
 * shutdown, so the hook below waits for that rollback before halting with 4; inside `scaler shell` the shell owns
 * Ctrl-C and calls {@link #interrupt()}, and the shell goes on.
 */
final class Interrupts {
    private static final Set<Stop> STOPS = ConcurrentHashMap.newKeySet();
    /** Counted down when the command Cli.run started has finished and printed what it had to say. */
    private static final AtomicReference<CountDownLatch> RUNNING = new AtomicReference<>(new CountDownLatch(0));
    private static final long ROLLBACK_SECONDS = 90;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Interrupts::onShutdown, "scaler-interrupt"));
    }

    private Interrupts() {
    }

    /** What stops one piece of work; {@link #happened()} tells it to end with exit 4. Close it when done. */
    static final class Stop implements AutoCloseable {
        private final Runnable action;
        private volatile boolean happened;

        private Stop(Runnable action) {
            this.action = action;
        }

        /** Whether Ctrl-C stopped this work. */
        boolean happened() {
            return happened;
        }

        private void fire() {
            happened = true;
            action.run();
        }

        @Override
        public void close() {
            STOPS.remove(this);
        }
    }

    /** Registers what stops the work now under way on Ctrl-C; the action must be quick and safe from any thread. */
    static Stop onInterrupt(Runnable action) {
        var stop = new Stop(action);
        STOPS.add(stop);
        return stop;
    }

    /** Ctrl-C in the shell: stops the work under way; false when there is none (the caller may interrupt instead). */
    static boolean interrupt() {
        var now = Set.copyOf(STOPS);
        now.forEach(Stop::fire);
        return !now.isEmpty();
    }

    /** Called by {@link Cli#run} around each command, so the shutdown hook knows when it has finished. */
    static void commandStarted() {
        RUNNING.set(new CountDownLatch(1));
    }

    static void commandFinished() {
        RUNNING.get().countDown();
    }

    private static void onShutdown() {
        if (!interrupt()) {
            return; // Nothing under way to undo: the JVM ends as it would.
        }
        try {
            RUNNING.get().await(ROLLBACK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // halt, not exit: shutdown has begun, and the exit code must say "interrupted".
        Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
    }
}
