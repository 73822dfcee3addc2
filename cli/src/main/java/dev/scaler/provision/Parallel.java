package dev.scaler.provision;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;

/** Runs tasks at once, one virtual thread each, and rethrows the first failure as it was thrown. */
final class Parallel {
    private Parallel() {
    }

    static void run(List<Runnable> tasks) {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(tasks.stream().map(t -> CompletableFuture.runAsync(t, pool))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
