package dev.scaler.engine;

import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Labels;
import dev.scaler.plan.NetworkSpec;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.VolumeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An engine in memory that records every call, for testing the apply logic without Docker. */
final class FakeEngine extends RecordingEngine {
    final Map<String, ContainerSpec> containers = new ConcurrentHashMap<>();
    final Map<String, Map<String, String>> envs = new ConcurrentHashMap<>();
    final Map<String, Map<String, byte[]>> files = new ConcurrentHashMap<>();
    final List<String> networks = Collections.synchronizedList(new ArrayList<>());
    final List<String> volumes = Collections.synchronizedList(new ArrayList<>());
    /** Health each container reports, by name; healthy when absent. */
    final Map<String, Health> health = new ConcurrentHashMap<>();
    /** Networks the engine refuses to remove, as Docker does when it keeps a stale endpoint. */
    final java.util.Set<String> stuckNetworks = ConcurrentHashMap.newKeySet();
    /** Called when a container starts, to let a test act mid-apply. */
    volatile java.util.function.Consumer<String> onStart = name -> { };

    @Override
    public List<ObservedContainer> containers(Optional<String> project) {
        return containers.values().stream().map(c -> new ObservedContainer(c.name(), c.name(), c.image(),
                c.labels(), "running", "", c.ports())).toList();
    }

    @Override
    public List<String> networks(String project) {
        return List.copyOf(networks);
    }

    @Override
    public List<String> volumes(String project) {
        return List.copyOf(volumes);
    }

    @Override
    public void createNetwork(NetworkSpec network) {
        calls.add("network+ " + network.name());
        networks.add(network.name());
    }

    @Override
    public void removeNetwork(String name) {
        calls.add("network- " + name);
        if (stuckNetworks.contains(name)) {
            throw new EngineException("network " + name + " still has active endpoints", "restart the engine");
        }
        networks.remove(name);
    }

    @Override
    public void createVolume(VolumeSpec volume) {
        calls.add("volume+ " + volume.name());
        volumes.add(volume.name());
    }

    @Override
    public void removeVolume(String name) {
        calls.add("volume- " + name);
        volumes.remove(name);
    }

    @Override
    public Optional<String> imageId(String image) {
        return Optional.of("sha256:" + image.hashCode());
    }

    @Override
    public String create(ContainerSpec spec, Map<String, String> env, Map<String, byte[]> files, String specHash) {
        calls.add("create " + spec.name());
        var labels = new HashMap<>(spec.labels());
        labels.put(Labels.SPEC, specHash);
        containers.put(spec.name(), spec);
        envs.put(spec.name(), env);
        this.files.put(spec.name(), files);
        return spec.name();
    }

    @Override
    public void start(String id) {
        calls.add("start " + id);
        onStart.accept(id);
    }

    @Override
    public Health health(String id) {
        return health.getOrDefault(id, Health.HEALTHY);
    }

    /** Exit code of a health check run by exec, by container; failing when absent. */
    final Map<String, Integer> execExit = new ConcurrentHashMap<>();
    /** What exec prints, by container. */
    final Map<String, String> execOutput = new ConcurrentHashMap<>();

    @Override
    public Exec exec(String id, List<String> command, Duration timeout) {
        calls.add("exec " + id);
        return new Exec(execExit.getOrDefault(id, 1), execOutput.getOrDefault(id, ""));
    }

    @Override
    public List<String> logs(String id, int lines) {
        return List.of("log of " + id);
    }

    @Override
    public void remove(String id, Duration stopTimeout) {
        calls.add("remove " + id);
        containers.remove(id);
    }

    @Override
    public void signal(String id, String signal) {
        calls.add("signal " + signal + " " + id);
    }

    @Override
    public void stop(String id, Duration timeout) {
        calls.add("stop " + id);
    }

    @Override
    public void pause(String id) {
        calls.add("pause " + id);
    }

    @Override
    public void unpause(String id) {
        calls.add("unpause " + id);
    }
}
