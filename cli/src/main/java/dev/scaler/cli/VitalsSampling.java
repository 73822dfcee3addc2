package dev.scaler.cli;

import dev.scaler.collect.Collectors;
import dev.scaler.collect.Targets;
import dev.scaler.engine.DockerEngine;
import dev.scaler.monitor.Sampler;
import dev.scaler.state.RunStore;
import dev.scaler.state.Secrets;
import java.time.Duration;
import java.util.List;

/**
 * A run's vital signs, sampled into its directory while it goes: what `scaler load` (and `scaler chaos`, the same
 * way) opens around the run and closes after it. Nothing when there is no project (load to --target URLs) or the
 * interval is zero.
 */
final class VitalsSampling implements AutoCloseable {
    private final List<AutoCloseable> parts;

    private VitalsSampling(List<AutoCloseable> parts) {
        this.parts = parts;
    }

    static VitalsSampling start(String project, Duration every, RunStore store, String runId) {
        if (project.isEmpty() || every.isZero()) {
            return new VitalsSampling(List.of());
        }
        DockerEngine engine = DockerEngine.connect();
        Sampler sampler = Sampler.start(() -> Targets.of(engine, project),
                Collectors.forProject(Secrets.open(StateDir.resolve(), project)), every,
                snapshot -> store.appendSample(runId, snapshot));
        // The sampler first: it may be listing containers when asked to stop.
        return new VitalsSampling(List.of(sampler, engine));
    }

    @Override
    public void close() {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                // Closing what sampled cannot change what was measured.
            }
        }
    }
}
