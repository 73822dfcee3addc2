package dev.scaler.chaos;

import dev.scaler.engine.RecordingEngine;
import dev.scaler.engine.Exec;
import dev.scaler.engine.Health;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Labels;
import dev.scaler.plan.NetworkSpec;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.VolumeSpec;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An engine holding containers whose state kill, stop, start, pause and unpause change; records every call. */
final class FakeDocker extends RecordingEngine {
    final Map<String, ObservedContainer> byId = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Adds a running container of the project with these tier and index labels. */
    FakeDocker add(String project, String name, String tier, int index, Map<String, String> more) {
        var labels = new LinkedHashMap<String, String>(Map.of(Labels.PROJECT, project, Labels.TIER, tier,
                Labels.INDEX, Integer.toString(index)));
        labels.putAll(more);
        byId.put("id-" + name, new ObservedContainer("id-" + name, name, "img", labels, "running", "", List.of()));
        return this;
    }

    String state(String name) {
        return byId.get("id-" + name).state();
    }

    /** Records the call and moves the container to {@code state}, as the engine would. */
    private void change(String verb, String id, String state) {
        calls.add(verb + " " + byId.get(id).name());
        set(id, state);
    }

    private void set(String id, String state) {
        var c = byId.get(id);
        if (c == null) {
            throw new dev.scaler.engine.EngineException("no such container " + id, "");
        }
        byId.put(id, new ObservedContainer(c.id(), c.name(), c.image(), c.labels(), state, c.health(), c.ports()));
    }

    @Override
    public List<ObservedContainer> containers(Optional<String> project) {
        synchronized (byId) {
            return byId.values().stream()
                    .filter(c -> project.isEmpty() || project.get().equals(c.labels().get(Labels.PROJECT))).toList();
        }
    }

    @Override
    public void signal(String id, String signal) {
        calls.add("signal " + signal + " " + byId.get(id).name());
        if ("KILL".equals(signal)) {
            set(id, "exited");
        }
    }

    @Override
    public void stop(String id, Duration timeout) {
        change("stop", id, "exited");
    }

    @Override
    public void start(String id) {
        change("start", id, "running");
    }

    @Override
    public void pause(String id) {
        change("pause", id, "paused");
    }

    @Override
    public void unpause(String id) {
        change("unpause", id, "running");
    }

    @Override
    public List<String> networks(String project) {
        return List.of();
    }

    @Override
    public List<String> volumes(String project) {
        return List.of();
    }

    @Override
    public void createNetwork(NetworkSpec network) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeNetwork(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createVolume(VolumeSpec volume) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeVolume(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> imageId(String image) {
        return Optional.empty();
    }

    @Override
    public String create(ContainerSpec spec, Map<String, String> env, Map<String, byte[]> files, String specHash) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Health health(String id) {
        return "running".equals(byId.get(id).state()) ? Health.RUNNING : Health.EXITED;
    }

    @Override
    public Exec exec(String id, List<String> command, Duration timeout) {
        return new Exec(126, "not in a fake");
    }

    @Override
    public List<String> logs(String id, int lines) {
        return List.of();
    }

    @Override
    public void remove(String id, Duration stopTimeout) {
        calls.add("remove " + byId.get(id).name());
        byId.remove(id);
    }
}
