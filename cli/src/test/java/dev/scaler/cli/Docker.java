package dev.scaler.cli;

import dev.scaler.engine.DockerEngine;
import dev.scaler.plan.ObservedContainer;
import java.util.List;
import java.util.Optional;

/** What integration tests ask the real engine: what a project left behind, and a way to kill a container. */
final class Docker implements AutoCloseable {
    final DockerEngine engine = DockerEngine.connect();

    List<ObservedContainer> containers(String project) {
        return engine.containers(Optional.of(project));
    }

    /** Containers, networks and volumes the project still has, one string each; empty means nothing left. */
    List<String> leftovers(String project) {
        var out = new java.util.ArrayList<String>();
        containers(project).forEach(c -> out.add("container " + c.name()));
        engine.networks(project).forEach(n -> out.add("network " + n));
        engine.volumes(project).forEach(v -> out.add("volume " + v));
        return out;
    }

    ObservedContainer container(String name) {
        return engine.containers(Optional.empty()).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    void kill(String name) {
        engine.signal(container(name).id(), "KILL");
    }

    /** Removes whatever an earlier, crashed run of this test left (by label, as `down` does). */
    void clear(String project) {
        new dev.scaler.provision.Down(engine, dev.scaler.engine.Progress.SILENT).run(project, false);
    }

    @Override
    public void close() {
        engine.close();
    }
}
