package dev.scaler.cli;

import dev.scaler.engine.Apply;
import java.io.PrintWriter;
import java.time.Duration;

/** Ctrl-C (or SIGTERM) while something is being applied: roll it back, then exit with code 4. */
final class Interrupts {
    private Interrupts() {
    }

    /** Installs a shutdown hook that cancels the apply, waits for its rollback and exits 4. */
    static Thread rollbackOnInterrupt(Apply apply, PrintWriter err) {
        Thread hook = new Thread(() -> {
            apply.cancel();
            try {
                if (apply.started()) {
                    apply.awaitFinished(Duration.ofSeconds(60));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.println("scaler: interrupted; everything this run created was removed");
            err.flush();
            // halt, not exit: we are inside shutdown already, and the exit code must say "interrupted".
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
        }, "scaler-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes the hook once the work is done; harmless when shutdown has begun. */
    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and will finish the job.
        }
    }
}
