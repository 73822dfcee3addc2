package dev.scaler.provision;

import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import dev.scaler.engine.Progress;
import dev.scaler.plan.ObservedContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** `scaler down`: removes every container, network and volume that carries the project's label. */
public final class Down {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    /** What was removed, and what could not be (each with the engine's reason); nothing is left when it is empty. */
    public record Result(int containers, int networks, int volumes, List<String> left) {
        public Result {
            left = List.copyOf(left);
        }

        /** True when the project had nothing left to remove. */
        public boolean nothing() {
            return containers + networks + volumes == 0 && left.isEmpty();
        }
    }

    private final Engine engine;
    private final Progress progress;

    public Down(Engine engine, Progress progress) {
        this.engine = engine;
        this.progress = progress;
    }

    /**
     * Removes the project; volumes stay when {@code keepData}. A network the engine refuses to remove does not stop
     * the volumes from going: it is named in {@link Result#left()}.
     */
    public Result run(String project, boolean keepData) {
        List<ObservedContainer> containers = engine.containers(Optional.of(project));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(containers.stream().map(c -> CompletableFuture.runAsync(() -> {
                // Without --keep-data the data is discarded anyway, so there is nothing to shut down cleanly for.
                engine.remove(c.id(), keepData ? STOP_TIMEOUT : Duration.ZERO);
                progress.step(c.name(), "removed");
            }, pool)).toArray(CompletableFuture[]::new)).join();
        }
        var left = new ArrayList<String>();
        int networks = 0;
        for (String n : engine.networks(project)) {
            try {
                engine.removeNetwork(n);
                progress.step(n, "network removed");
                networks++;
            } catch (EngineException e) {
                left.add(e.getMessage() + " (" + e.hint() + ")");
            }
        }
        // A swarm's configs and secrets go with the services; the passwords are generated again by the next `up`.
        engine.clusterFiles(project).forEach(f -> {
            engine.removeClusterFile(f);
            progress.step(f, "removed");
        });
        List<String> volumes = keepData ? List.of() : engine.volumes(project);
        volumes.forEach(v -> {
            engine.removeVolume(v);
            progress.step(v, "volume removed");
        });
        return new Result(containers.size(), networks, volumes.size(), left);
    }
}
