package dev.scaler.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Labels;
import dev.scaler.plan.NetworkSpec;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.PortBinding;
import dev.scaler.plan.VolumeSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Docker adapter: docker-java over the engine's socket, API version negotiated with the engine. */
public final class DockerEngine implements Engine {
    /** The newest API this adapter has been written against; older engines get their own version. */
    static final RemoteApiVersion NEWEST = RemoteApiVersion.VERSION_1_44;

    private final DockerClient docker;
    private final String host;

    private DockerEngine(DockerClient docker, String host) {
        this.docker = docker;
        this.host = host;
    }

    /** Connects to the engine that DOCKER_HOST (or the default socket) names; fails with a hint when none answers. */
    public static DockerEngine connect() {
        try {
            return new DockerEngine(client(Optional.empty()),
                    DefaultDockerClientConfig.createDefaultConfigBuilder().build().getDockerHost().toString());
        } catch (EngineException e) {
            throw new EngineException(e.getMessage(),
                    "start Docker (for example `dockerd &` as root) or point DOCKER_HOST at a running engine", e);
        }
    }

    /** Connects to the engine at that address (a Swarm node's, {@code tcp://ADDRESS:2375}). */
    static DockerEngine at(String dockerHost) {
        return new DockerEngine(client(Optional.of(dockerHost)), dockerHost);
    }

    /** The client, for the Swarm adapter, which speaks the same API to a node. */
    DockerClient docker() {
        return docker;
    }

    /**
     * A docker-java client of the engine at {@code host} ({@code tcp://ADDRESS:PORT}, or the default when empty), speaking
     * the engine's API version: for adapters that need more of the API than {@link Engine} offers (a cluster's nodes,
     * Swarm). Throws {@link EngineException} when nothing answers there.
     */
    public static DockerClient client(Optional<String> host) {
        var builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        host.ifPresent(builder::withDockerHost);
        DockerClientConfig probeConfig = builder.build();
        RemoteApiVersion version;
        try (DockerClient probe = client(probeConfig)) {
            version = negotiate(probe.versionCmd().exec().getApiVersion());
        } catch (Exception e) {
            throw new EngineException("cannot reach the Docker engine at " + probeConfig.getDockerHost() + ": "
                    + rootMessage(e), "", e);
        }
        return client(builder.withApiVersion(version).build());
    }

    /** The API version to speak: the engine's own, capped at the newest this adapter knows. */
    static RemoteApiVersion negotiate(String engineApi) {
        RemoteApiVersion engine = RemoteApiVersion.parseConfig(engineApi);
        return engine.isGreaterOrEqual(NEWEST) ? NEWEST : engine;
    }

    private static DockerClient client(DockerClientConfig config) {
        var http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(5))
                .maxConnections(64)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** Where the engine was reached. */
    public String host() {
        return host;
    }

    @Override
    public List<ObservedContainer> containers(Optional<String> project) {
        var cmd = docker.listContainersCmd().withShowAll(true);
        cmd = project.isPresent() ? cmd.withLabelFilter(Map.of(Labels.PROJECT, project.get()))
                : cmd.withLabelFilter(List.of(Labels.PROJECT));
        var out = new ArrayList<ObservedContainer>();
        for (var c : cmd.exec()) {
            String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0].replaceFirst("^/", "") : c.getId();
            var ports = new ArrayList<PortBinding>();
            if (c.getPorts() != null) {
                for (ContainerPort p : c.getPorts()) {
                    if (p.getPublicPort() != null && p.getPrivatePort() != null) {
                        ports.add(new PortBinding(p.getIp() == null ? "0.0.0.0" : p.getIp(), p.getPublicPort(),
                                p.getPrivatePort()));
                    }
                }
            }
            var networks = new java.util.LinkedHashMap<String, String>();
            if (c.getNetworkSettings() != null && c.getNetworkSettings().getNetworks() != null) {
                c.getNetworkSettings().getNetworks().forEach((net, settings) -> {
                    if (settings != null && settings.getIpAddress() != null && !settings.getIpAddress().isEmpty()) {
                        networks.put(net, settings.getIpAddress());
                    }
                });
            }
            out.add(new ObservedContainer(c.getId(), name, c.getImage(),
                    c.getLabels() == null ? Map.of() : c.getLabels(), c.getState(), healthOf(c.getStatus()), ports,
                    networks));
        }
        return out;
    }

    private static String healthOf(String status) {
        if (status == null) {
            return "";
        }
        if (status.contains("(healthy)")) {
            return "healthy";
        }
        if (status.contains("(unhealthy)")) {
            return "unhealthy";
        }
        if (status.contains("(health: starting)")) {
            return "starting";
        }
        return "";
    }

    @Override
    public List<String> networks(String project) {
        return docker.listNetworksCmd().withFilter("label", List.of(Labels.PROJECT + "=" + project)).exec()
                .stream().map(n -> n.getName()).toList();
    }

    @Override
    public List<String> volumes(String project) {
        var response = docker.listVolumesCmd().withFilter("label", List.of(Labels.PROJECT + "=" + project)).exec();
        if (response.getVolumes() == null) {
            return List.of();
        }
        return response.getVolumes().stream().map(v -> v.getName()).toList();
    }

    @Override
    public void createNetwork(NetworkSpec network) {
        docker.createNetworkCmd().withName(network.name()).withDriver("bridge").withLabels(network.labels())
                .withCheckDuplicate(true).exec();
    }

    @Override
    public void removeNetwork(String name) {
        // Right after its containers are removed, the engine may still count their endpoints for a moment; Docker
        // 20.10 was also seen keeping a stale endpoint for good after 19 containers were removed at once.
        for (int attempt = 1; ; attempt++) {
            try {
                docker.removeNetworkCmd(name).exec();
                return;
            } catch (NotFoundException gone) {
                return; // already gone is what was wanted
            } catch (com.github.dockerjava.api.exception.DockerException e) {
                if (e.getHttpStatus() != 403 || !String.valueOf(e.getMessage()).contains("active endpoints")) {
                    throw e;
                }
                if (attempt == NETWORK_ATTEMPTS) {
                    throw new EngineException("network " + name + " still has active endpoints in the engine,"
                            + " though no container is attached to it", "a fault of the Docker engine: try `docker"
                            + " network rm " + name + "` later; restarting the engine clears it");
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException("interrupted while removing network " + name);
                }
            }
        }
    }

    /** Attempts, 500 ms apart, to remove a network whose endpoints the engine has not let go of yet. */
    private static final int NETWORK_ATTEMPTS = 10;

    @Override
    public void createVolume(VolumeSpec volume) {
        docker.createVolumeCmd().withName(volume.name()).withLabels(volume.labels()).exec();
    }

    @Override
    public void removeVolume(String name) {
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException gone) {
            // Already gone is what was wanted.
        }
    }

    @Override
    public Optional<String> imageId(String image) {
        try {
            return Optional.ofNullable(docker.inspectImageCmd(image).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean pull(String image, Duration timeout) {
        try {
            return docker.pullImageCmd(image).start().awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    && imageId(image).isPresent();
        } catch (DockerException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            // docker-java wraps transport failures (no route to a registry) in plain runtime exceptions.
            return false;
        }
    }

    @Override
    public String create(ContainerSpec spec, Map<String, String> env, Map<String, byte[]> files, String specHash) {
        try {
            return createContainer(spec, env, files, specHash);
        } catch (DockerException e) {
            throw new EngineException("cannot create " + spec.name() + ": " + rootMessage(e), "", e);
        }
    }

    private String createContainer(ContainerSpec spec, Map<String, String> env, Map<String, byte[]> files,
            String specHash) {
        var labels = new HashMap<>(spec.labels());
        labels.put(Labels.SPEC, specHash);
        var bindings = new Ports();
        var exposed = new ArrayList<ExposedPort>();
        for (PortBinding p : spec.ports()) {
            ExposedPort port = ExposedPort.tcp(p.containerPort());
            exposed.add(port);
            // Host port 0: Docker picks a free one, which `containers()` reads back.
            bindings.bind(port, p.hostPort() == 0 ? Ports.Binding.bindIp(p.hostIp())
                    : Ports.Binding.bindIpAndPort(p.hostIp(), p.hostPort()));
        }
        var binds = spec.mounts().stream().map(m -> new Bind(m.volume(), new Volume(m.path()))).toList();
        var hostConfig = HostConfig.newHostConfig()
                .withNetworkMode(spec.network())
                .withPortBindings(bindings)
                .withBinds(binds)
                .withInit(true);
        var cmd = docker.createContainerCmd(spec.image())
                .withName(spec.name())
                .withHostName(spec.name())
                .withLabels(labels)
                .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList())
                .withExposedPorts(exposed)
                .withHostConfig(hostConfig)
                .withAliases(spec.aliases());
        if (!spec.command().isEmpty()) {
            cmd = cmd.withCmd(spec.command());
        }
        if (spec.healthCheck().isPresent()) {
            var h = spec.healthCheck().get();
            cmd = cmd.withHealthcheck(new com.github.dockerjava.api.model.HealthCheck()
                    .withTest(h.test())
                    .withInterval(h.interval().toNanos())
                    .withTimeout(h.timeout().toNanos())
                    .withRetries(h.retries())
                    .withStartPeriod(h.startPeriod().toNanos()));
        }
        String id = cmd.exec().getId();
        // Joined before it starts, so it never runs without a network it depends on.
        try {
            spec.otherNetworks().forEach((network, aliases) -> docker.connectToNetworkCmd().withContainerId(id)
                    .withNetworkId(network)
                    .withContainerNetwork(new com.github.dockerjava.api.model.ContainerNetwork().withAliases(aliases))
                    .exec());
        } catch (DockerException e) {
            // Not yet known to the caller, so nobody else would remove it.
            docker.removeContainerCmd(id).withForce(true).exec();
            throw e;
        }
        if (!files.isEmpty()) {
            docker.copyArchiveToContainerCmd(id).withTarInputStream(Tar.of(files, spec.files()))
                    .withRemotePath("/").exec();
        }
        return id;
    }

    @Override
    public void start(String id) {
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            // Starting a running container is what was wanted.
        } catch (DockerException e) {
            throw new EngineException("cannot start " + id + ": " + rootMessage(e), "", e);
        }
    }

    @Override
    public Health health(String id) {
        var state = docker.inspectContainerCmd(id).exec().getState();
        if (!Boolean.TRUE.equals(state.getRunning())) {
            return Health.EXITED;
        }
        if (state.getHealth() == null || state.getHealth().getStatus() == null) {
            return Health.RUNNING;
        }
        return switch (state.getHealth().getStatus()) {
            case "healthy" -> Health.HEALTHY;
            case "unhealthy" -> Health.UNHEALTHY;
            default -> Health.STARTING;
        };
    }

    @Override
    public Exec exec(String id, List<String> command, Duration timeout) {
        var output = new StringBuilder();
        try {
            String exec = docker.execCreateCmd(id).withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
            boolean done = docker.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    synchronized (output) {
                        output.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                return new Exec(124, output.toString());
            }
            Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
            return new Exec(code == null ? 125 : code.intValue(), output.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exec(130, "");
        } catch (DockerException e) {
            // Not running (any more), or the engine refused: the command did not succeed.
            return new Exec(126, rootMessage(e));
        }
    }

    @Override
    public java.util.OptionalInt exitCode(String id) {
        try {
            var state = docker.inspectContainerCmd(id).exec().getState();
            return Boolean.TRUE.equals(state.getRunning()) || state.getExitCodeLong() == null
                    ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(state.getExitCodeLong().intValue());
        } catch (DockerException e) {
            throw new EngineException("cannot inspect container " + id + ": " + rootMessage(e), "", e);
        }
    }

    @Override
    public Map<String, byte[]> copyOut(String id, String directory) {
        var files = new java.util.TreeMap<String, byte[]>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                docker.copyArchiveFromContainerCmd(id, directory).exec())) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                // Entries are named after the directory itself: dir/, dir/file, dir/sub/file.
                String[] parts = entry.getName().split("/", 2);
                if (entry.isFile() && parts.length == 2 && !parts[1].isEmpty()) {
                    files.put(parts[1], tar.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot copy " + directory + " out of container " + id + ": " + e.getMessage(),
                    "", e);
        } catch (DockerException e) {
            throw new EngineException("cannot copy " + directory + " out of container " + id + ": " + rootMessage(e),
                    "", e);
        }
        return files;
    }

    @Override
    public List<String> logs(String id, int lines) {
        var out = new ArrayList<String>();
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            synchronized (out) {
                                out.add(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8)
                                        .stripTrailing());
                            }
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.add("(could not read logs: " + rootMessage(e) + ")");
        }
        return out;
    }

    @Override
    public void remove(String id, Duration stopTimeout) {
        try {
            docker.stopContainerCmd(id).withTimeout((int) Math.max(0, stopTimeout.toSeconds())).exec();
        } catch (NotModifiedException | NotFoundException alreadyStopped) {
            // Stopped or gone already.
        }
        try {
            // Removes anonymous volumes (an image's VOLUME no one named); named volumes always stay.
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // Already gone is what was wanted.
        }
    }

    @Override
    public void signal(String id, String signal) {
        docker.killContainerCmd(id).withSignal(signal).exec();
    }

    @Override
    public void stop(String id, Duration timeout) {
        try {
            docker.stopContainerCmd(id).withTimeout((int) Math.max(0, timeout.toSeconds())).exec();
        } catch (NotModifiedException alreadyStopped) {
            // Stopped already is what was wanted.
        } catch (DockerException e) {
            throw new EngineException("cannot stop " + id + ": " + rootMessage(e), "", e);
        }
    }

    @Override
    public void rename(String id, String name) {
        try {
            docker.renameContainerCmd(id).withName(name).exec();
        } catch (DockerException e) {
            throw new EngineException("cannot rename " + id + " to " + name + ": " + rootMessage(e),
                    "remove the container named " + name + " if it is a leftover", e);
        }
    }

    @Override
    public long memoryTotal() {
        Long total = docker.infoCmd().exec().getMemTotal();
        return total == null ? 0 : total;
    }

    @Override
    public int cpus() {
        Integer n = docker.infoCmd().exec().getNCPU();
        return n == null || n < 1 ? 1 : n;
    }

    @Override
    public OptionalLong memoryUsage(String id) {
        var result = new CompletableFuture<Statistics>();
        try (var callback = docker.statsCmd(id).withNoStream(true)
                .exec(new ResultCallback.Adapter<Statistics>() {
                    @Override
                    public void onNext(Statistics stats) {
                        result.complete(stats);
                    }
                })) {
            var memory = result.get(10, TimeUnit.SECONDS).getMemoryStats();
            if (memory == null || memory.getUsage() == null) {
                return OptionalLong.empty();
            }
            // As `docker stats` shows it: inactive file pages are cache the kernel drops before it runs short.
            Long inactive = memory.getStats() == null ? null : memory.getStats().getInactiveFile();
            return OptionalLong.of(memory.getUsage() - (inactive == null ? 0 : inactive));
        } catch (ExecutionException | TimeoutException | IOException
                | DockerException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    @Override
    public void pause(String id) {
        try {
            if (!Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getPaused())) {
                docker.pauseContainerCmd(id).exec();
            }
        } catch (DockerException e) {
            throw new EngineException("cannot pause " + id + ": " + rootMessage(e), "", e);
        }
    }

    @Override
    public void unpause(String id) {
        try {
            if (Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getPaused())) {
                docker.unpauseContainerCmd(id).exec();
            }
        } catch (NotFoundException gone) {
            // A container that is gone is not paused.
        } catch (DockerException e) {
            throw new EngineException("cannot unpause " + id + ": " + rootMessage(e), "", e);
        }
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (java.io.IOException e) {
            // Nothing to release that matters at exit.
        }
    }

    /** The innermost cause's message: what docker-java's wrapping hides. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
