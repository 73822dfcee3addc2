package dev.scaler.provision;

import dev.scaler.engine.Engine;
import dev.scaler.engine.Progress;
import dev.scaler.plan.ObservedContainer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** `scaler down`: removes every container, network and volume that carries the project's label. */
public final class Down {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    /** What was removed. */
    public record Result(int containers, int networks, int volumes) {
        /** True when the project had nothing left to remove. */
        public boolean nothing() {
            return containers + networks + volumes == 0;
        }
    }

    private final Engine engine;
    private final Progress progress;

    public Down(Engine engine, Progress progress) {
        this.engine = engine;
        this.progress = progress;
    }

    /** Removes the project; volumes stay when {@code keepData}. */
    public Result run(String project, boolean keepData) {
        List<ObservedContainer> containers = engine.containers(Optional.of(project));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(containers.stream().map(c -> CompletableFuture.runAsync(() -> {
                // Without --keep-data the data is discarded anyway, so there is nothing to shut down cleanly for.
                engine.remove(c.id(), keepData ? STOP_TIMEOUT : Duration.ZERO);
                progress.step(c.name(), "removed");
            }, pool)).toArray(CompletableFuture[]::new)).join();
        }
        List<String> networks = engine.networks(project);
        networks.forEach(n -> {
            engine.removeNetwork(n);
            progress.step(n, "network removed");
        });
        List<String> volumes = keepData ? List.of() : engine.volumes(project);
        volumes.forEach(v -> {
            engine.removeVolume(v);
            progress.step(v, "volume removed");
        });
        return new Result(containers.size(), networks.size(), volumes.size());
    }
}
