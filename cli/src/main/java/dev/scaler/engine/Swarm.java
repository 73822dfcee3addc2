package dev.scaler.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Labels;
import dev.scaler.plan.NetworkSpec;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.PortBinding;
import dev.scaler.plan.VolumeSpec;
import dev.scaler.swarm.Service;
import dev.scaler.swarm.ServiceFile;
import dev.scaler.swarm.Services;
import dev.scaler.swarm.SwarmNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Swarm adapter: a local swarm of `scaler cluster up`, whose nodes are containers of this engine labelled
 * {@code scaler.cluster=NAME}. The manager is reached through the Docker API of a manager node (its dockerd's TCP
 * socket at the node container's address, port 2375, which only this machine can reach), and each
 * task's container through its own node's API, so what `status`, `chaos`, `load` and `down` ask of a container they
 * ask of the node that runs it. A task's container is named here by its service (and slot, for a replicated tier),
 * and its id is {@code NODE-ID/CONTAINER-ID}; removing one removes its service, as `down` means.
 * Services are created by {@code provision.SwarmUp}, not container by container: {@link #create} and
 * {@link #rename} are the single-engine way and are refused.
 */
public final class Swarm implements Engine {
    /** The label scaler adds to a task's container as observed: the hostname of the node that runs it. */
    public static final String NODE_LABEL = Labels.NODE;
    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(60);

    private final String cluster;
    private final DockerEngine host;
    private final DockerEngine manager;
    /** Each node's engine by its Swarm node id, and its address on this machine. */
    private final Map<String, DockerEngine> nodes;
    private final Map<String, String> addresses;
    private final Map<String, String> hostnames;

    private Swarm(String cluster, DockerEngine host, DockerEngine manager, Map<String, DockerEngine> nodes,
            Map<String, String> addresses, Map<String, String> hostnames) {
        this.cluster = cluster;
        this.host = host;
        this.manager = manager;
        this.nodes = nodes;
        this.addresses = addresses;
        this.hostnames = hostnames;
    }

    /** The swarm named {@code cluster}, or the only one this engine runs. */
    public static Swarm connect(Optional<String> cluster) {
        DockerEngine host = DockerEngine.connect();
        try {
            return connect(host, cluster);
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    private static Swarm connect(DockerEngine host, Optional<String> wanted) {
        var byCluster = new java.util.TreeMap<String, List<com.github.dockerjava.api.model.Container>>();
        for (var c : host.docker().listContainersCmd().withLabelFilter(List.of(dev.scaler.cluster.ClusterLabels.CLUSTER)).exec()) {
            byCluster.computeIfAbsent(c.getLabels().get(dev.scaler.cluster.ClusterLabels.CLUSTER), k -> new ArrayList<>()).add(c);
        }
        String name = wanted.orElseGet(() -> {
            if (byCluster.size() != 1) {
                throw new EngineException(byCluster.isEmpty() ? "no scaler cluster runs on this engine"
                        : "several scaler clusters run here: " + String.join(", ", byCluster.keySet()),
                        byCluster.isEmpty() ? "start one with `scaler cluster up --nodes 3`"
                                : "name one with --cluster NAME");
            }
            return byCluster.firstKey();
        });
        var containers = byCluster.getOrDefault(name, List.of());
        if (containers.isEmpty()) {
            throw new EngineException("no node of cluster " + name + " runs", "`scaler cluster status` lists the "
                    + "clusters; start one with `scaler cluster up --nodes 3`");
        }
        var nodes = new LinkedHashMap<String, DockerEngine>();
        var addresses = new LinkedHashMap<String, String>();
        var hostnames = new LinkedHashMap<String, String>();
        DockerEngine manager = null;
        try {
            for (var c : containers) {
                // A node's fixed address is a label of its container (`cluster up` gives each one).
                String address = c.getLabels().getOrDefault(dev.scaler.cluster.ClusterLabels.ADDRESS, "");
                if (address.isEmpty()) {
                    continue;
                }
                DockerEngine node;
                try {
                    node = DockerEngine.at("tcp://" + address + ":" + dev.scaler.cluster.ClusterPlan.ENGINE_PORT);
                } catch (EngineException unreachable) {
                    continue; // a node that is down or paused (chaos) is not asked anything
                }
                var info = node.docker().infoCmd().exec();
                var swarm = info.getSwarm();
                if (swarm == null || swarm.getNodeID() == null || swarm.getNodeID().isEmpty()) {
                    node.close();
                    continue;
                }
                nodes.put(swarm.getNodeID(), node);
                addresses.put(swarm.getNodeID(), address);
                hostnames.put(swarm.getNodeID(), info.getName());
                if (manager == null && Boolean.TRUE.equals(swarm.getControlAvailable())) {
                    manager = node;
                }
            }
            if (manager == null) {
                throw new EngineException("no manager of cluster " + name + " answers at its node's address, port "
                        + dev.scaler.cluster.ClusterPlan.ENGINE_PORT, "`scaler cluster status " + name + "` shows its nodes");
            }
        } catch (RuntimeException e) {
            nodes.values().forEach(DockerEngine::close);
            throw e;
        }
        return new Swarm(name, host, manager, nodes, addresses, hostnames);
    }

    /** The cluster's name. */
    public String cluster() {
        return cluster;
    }

    private DockerClient swarm() {
        return manager.docker();
    }

    /** The nodes that can take tasks (ready and active), by hostname, with their datacenter label. */
    public List<SwarmNode> nodes() {
        return swarm().listSwarmNodesCmd().exec().stream()
                .filter(n -> n.getStatus() != null && "READY".equalsIgnoreCase(String.valueOf(n.getStatus().getState())))
                .filter(n -> n.getSpec() != null && "ACTIVE".equalsIgnoreCase(String.valueOf(n.getSpec().getAvailability())))
                .map(n -> new SwarmNode(n.getDescription().getHostname(), Optional.ofNullable(n.getSpec().getLabels())
                        .map(l -> l.get(Services.DATACENTER_NODE_LABEL))))
                .sorted(Comparator.comparing(SwarmNode::hostname)).toList();
    }

    /** A deployed service of a project: its id, name, spec digest and the version an update must name. */
    public record Deployed(String id, String name, String specHash, long version) {
    }

    /** The project's services. */
    public List<Deployed> services(String project) {
        return swarm().listServicesCmd().withLabelFilter(Map.of(Labels.PROJECT, project)).exec().stream()
                .map(s -> new Deployed(s.getId(), s.getSpec().getName(),
                        s.getSpec().getLabels().getOrDefault(Labels.SPEC, ""), s.getVersion().getIndex()))
                .toList();
    }

    /** Creates a service of the project; its configs and secrets must exist. */
    public String createService(Service service, String project) {
        try {
            return swarm().createServiceCmd(SwarmSpecs.of(service, project, fileIds(project))).exec().getId();
        } catch (com.github.dockerjava.api.exception.DockerException e) {
            throw new EngineException("cannot create service " + service.name() + ": " + DockerEngine.rootMessage(e),
                    "", e);
        }
    }

    /** Replaces a service's spec; Swarm rolls its tasks as the spec's update order says. */
    public void updateService(Deployed deployed, Service service, String project) {
        swarm().updateServiceCmd(deployed.id(), SwarmSpecs.of(service, project, fileIds(project)))
                .withVersion(deployed.version()).exec();
    }

    /**
     * The state of the service's last rolling update ({@code updating}, {@code completed}, {@code rollback_completed},
     * ...), empty when it never had one. While it is {@code updating}, tasks of the old spec still run and look ready.
     */
    public Optional<String> updateState(String service) {
        try {
            var status = swarm().inspectServiceCmd(service).exec().getUpdateStatus();
            return Optional.ofNullable(status).map(u -> u.getState()).map(st -> st.name().toLowerCase(java.util.Locale.ROOT));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    /** Removes a service and waits until its tasks' containers are gone from every node (so its volumes can go). */
    public void removeService(String idOrName) {
        try {
            swarm().removeServiceCmd(idOrName).exec();
        } catch (NotFoundException gone) {
            return;
        }
        long deadline = System.nanoTime() + GONE_TIMEOUT.toNanos();
        while (nodes.values().stream().anyMatch(n -> !n.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.swarm.service.id", idOrName)).exec().isEmpty()
                || !n.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("com.docker.swarm.service.name", idOrName)).exec().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new EngineException("the containers of service " + idOrName + " are still there after "
                        + GONE_TIMEOUT.toSeconds() + "s", "a node may be down: `scaler cluster status`");
            }
            CancelledException.sleep(Duration.ofMillis(200));
        }
    }

    /** What one task of a service is doing: its state as Swarm says, the node, its container's health. */
    public record TaskView(int slot, String state, String node, Health health, String error) {
    }

    /** The tasks of a service that Swarm wants running. */
    public List<TaskView> tasks(String service) {
        var out = new ArrayList<TaskView>();
        for (Task t : swarm().listTasksCmd().withServiceFilter(service).exec()) {
            if (t.getDesiredState() != TaskState.RUNNING) {
                continue;
            }
            String state = String.valueOf(t.getStatus().getState()).toLowerCase(java.util.Locale.ROOT);
            Health health = Health.STARTING;
            var cs = t.getStatus().getContainerStatus();
            if (t.getStatus().getState() == TaskState.RUNNING && cs != null && nodes.containsKey(t.getNodeId())) {
                health = nodes.get(t.getNodeId()).health(cs.getContainerID());
            }
            out.add(new TaskView(t.getSlot() == null ? 0 : t.getSlot(), state,
                    hostnames.getOrDefault(t.getNodeId(), t.getNodeId() == null ? "-" : t.getNodeId()), health,
                    Optional.ofNullable(t.getStatus().getErr()).orElse("")));
        }
        return out;
    }

    /**
     * Where each task of the project runs now, by its name as {@link #containers} gives it: from Swarm's own view
     * (three calls to a manager, none to the nodes), so it answers while a node is dead. A task on a node Swarm has not
     * counted down yet still counts as running there.
     */
    public Map<String, String> placements(String project) {
        var services = new HashMap<String, com.github.dockerjava.api.model.ServiceSpec>();
        swarm().listServicesCmd().withLabelFilter(Map.of(Labels.PROJECT, project)).exec()
                .forEach(s -> services.put(s.getId(), s.getSpec()));
        // Every node's hostname from the manager, the dead and the cut-off too (this connection may not reach them).
        var names = new HashMap<String, String>(hostnames);
        swarm().listSwarmNodesCmd().exec().forEach(n -> {
            if (n.getDescription() != null && n.getDescription().getHostname() != null) {
                names.put(n.getId(), n.getDescription().getHostname());
            }
        });
        var out = new java.util.TreeMap<String, String>();
        for (Task t : swarm().listTasksCmd().exec()) {
            var spec = services.get(t.getServiceId());
            if (spec == null || t.getDesiredState() != TaskState.RUNNING || t.getStatus() == null
                    || t.getStatus().getState() != TaskState.RUNNING) {
                continue;
            }
            boolean replicated = Services.replicated(spec.getLabels() == null ? Map.of() : spec.getLabels());
            out.put(replicated ? spec.getName() + "-" + t.getSlot() : spec.getName(),
                    names.getOrDefault(t.getNodeId(), String.valueOf(t.getNodeId())));
        }
        return out;
    }

    /** Names of the project's configs and secrets. */
    public List<String> files(String project) {
        return List.copyOf(fileIds(project).keySet());
    }

    /** The project's configs and secrets: each one's id by its name (a service refers to one by both). */
    private Map<String, String> fileIds(String project) {
        var ids = new LinkedHashMap<String, String>();
        swarm().listSecretsCmd().withLabelFilter(Map.of(Labels.PROJECT, project)).exec()
                .forEach(s -> ids.put(s.getSpec().getName(), s.getId()));
        swarm().listConfigsCmd().withFilters(Map.of("label", List.of(Labels.PROJECT + "=" + project))).exec()
                .forEach(c -> ids.put(c.getSpec().getName(), c.getId()));
        return ids;
    }

    /** Creates the config or secret that holds a file, with its secrets filled in. */
    public void createFile(ServiceFile file, String content, String project) {
        if (file.kind() == ServiceFile.Kind.SECRET) {
            // SecretSpec.withData base64-encodes what it is given (a config's withData takes bytes and does it too):
            // encoding here as well made every secret file its own base64 text, and Redis refused its config.
            swarm().createSecretCmd(new com.github.dockerjava.api.model.SecretSpec().withName(file.object())
                    .withLabels(Labels.project(project)).withData(content)).exec();
        } else {
            swarm().createConfigCmd().withName(file.object()).withLabels(Labels.project(project))
                    .withData(content.getBytes(StandardCharsets.UTF_8)).exec();
        }
    }

    /** Removes a config or secret by name (whichever it is). */
    public void removeFile(String name) {
        try {
            swarm().removeSecretCmd(name).exec();
            return;
        } catch (NotFoundException notASecret) {
            // then it is a config
        }
        try {
            swarm().removeConfigCmd(name).exec();
        } catch (NotFoundException gone) {
            // already gone is what was wanted
        }
    }

    /** The id of the image on each node that lacks it; empty when every node has it. */
    public List<String> nodesWithout(String image) {
        var out = new ArrayList<String>();
        nodes.forEach((id, n) -> {
            if (n.imageId(image).isEmpty()) {
                out.add(hostnames.get(id));
            }
        });
        return out;
    }

    @Override
    public List<ObservedContainer> containers(Optional<String> project) {
        var cmd = swarm().listServicesCmd();
        if (project.isPresent()) {
            cmd = cmd.withLabelFilter(Map.of(Labels.PROJECT, project.get()));
        }
        var out = new ArrayList<ObservedContainer>();
        for (var s : cmd.exec()) {
            var spec = s.getSpec();
            if (spec.getLabels() == null || !spec.getLabels().containsKey(Labels.PROJECT)) {
                continue;
            }
            var tasks = swarm().listTasksCmd().withServiceFilter(s.getId()).exec().stream()
                    .filter(t -> t.getDesiredState() == TaskState.RUNNING).toList();
            boolean replicated = Services.replicated(spec.getLabels());
            var ports = spec.getEndpointSpec() == null || spec.getEndpointSpec().getPorts() == null ? List.<com.github.dockerjava.api.model.PortConfig>of()
                    : spec.getEndpointSpec().getPorts();
            boolean anyRunning = false;
            for (Task t : tasks) {
                var cs = t.getStatus().getContainerStatus();
                if (t.getStatus().getState() != TaskState.RUNNING || cs == null || !nodes.containsKey(t.getNodeId())) {
                    continue;
                }
                anyRunning = true;
                out.add(observe(spec, t, cs.getContainerID(), replicated, ports));
            }
            if (!anyRunning) {
                String state = tasks.stream().map(t -> String.valueOf(t.getStatus().getState()).toLowerCase(java.util.Locale.ROOT))
                        .findFirst().orElse("pending");
                out.add(new ObservedContainer("service/" + s.getId(), spec.getName(), image(spec),
                        spec.getLabels(), state, "", List.of()));
            }
        }
        return out;
    }

    private ObservedContainer observe(com.github.dockerjava.api.model.ServiceSpec spec, Task t, String containerId,
            boolean replicated, List<com.github.dockerjava.api.model.PortConfig> ports) {
        var node = nodes.get(t.getNodeId());
        var labels = new LinkedHashMap<String, String>(spec.getTaskTemplate().getContainerSpec().getLabels());
        labels.putIfAbsent(Labels.INDEX, Integer.toString(t.getSlot() == null ? 1 : t.getSlot()));
        labels.put(NODE_LABEL, hostnames.get(t.getNodeId()));
        var inspect = node.docker().inspectContainerCmd(containerId).exec();
        var networks = new LinkedHashMap<String, String>();
        if (inspect.getNetworkSettings() != null && inspect.getNetworkSettings().getNetworks() != null) {
            inspect.getNetworkSettings().getNetworks().forEach((n, settings) -> {
                if (settings.getIpAddress() != null && !settings.getIpAddress().isEmpty()) {
                    networks.put(n, settings.getIpAddress());
                }
            });
        }
        var health = inspect.getState().getHealth() == null ? "" : inspect.getState().getHealth().getStatus();
        String address = addresses.get(t.getNodeId());
        return new ObservedContainer(t.getNodeId() + "/" + containerId,
                replicated ? spec.getName() + "-" + t.getSlot() : spec.getName(), image(spec), labels,
                Boolean.TRUE.equals(inspect.getState().getRunning()) ? "running" : "exited", health == null ? "" : health,
                ports.stream().map(p -> new PortBinding(address, p.getPublishedPort(), p.getTargetPort())).toList(),
                networks);
    }

    private static String image(com.github.dockerjava.api.model.ServiceSpec spec) {
        return spec.getTaskTemplate().getContainerSpec().getImage();
    }

    /** The node engine and container id a task container's id names. */
    private Located locate(String id) {
        int slash = id.indexOf('/');
        DockerEngine node = slash < 0 ? null : nodes.get(id.substring(0, slash));
        if (node == null) {
            throw new EngineException("no running container " + id + " in cluster " + cluster,
                    "`scaler status` lists what runs where");
        }
        return new Located(node, id.substring(slash + 1));
    }

    private record Located(DockerEngine node, String container) {
    }

    @Override
    public List<String> networks(String project) {
        return swarm().listNetworksCmd().withFilter("label", List.of(Labels.PROJECT + "=" + project)).exec().stream()
                .filter(n -> "swarm".equals(n.getScope())).map(n -> n.getName()).toList();
    }

    /** Volumes live on the node that ran the task: each is named here {@code HOSTNAME:VOLUME}. */
    @Override
    public List<String> volumes(String project) {
        var out = new ArrayList<String>();
        nodes.forEach((id, n) -> n.volumes(project).forEach(v -> out.add(hostnames.get(id) + ":" + v)));
        return out;
    }

    @Override
    public void createNetwork(NetworkSpec network) {
        swarm().createNetworkCmd().withName(network.name()).withDriver("overlay").withAttachable(true)
                .withLabels(network.labels()).withCheckDuplicate(true).exec();
    }

    @Override
    public void removeNetwork(String name) {
        manager.removeNetwork(name);
    }

    /** Volumes come with the tasks that mount them, on their node. */
    @Override
    public void createVolume(VolumeSpec volume) {
        throw new UnsupportedOperationException("a swarm task creates its volume on its node");
    }

    @Override
    public void removeVolume(String name) {
        int colon = name.indexOf(':');
        String hostname = name.substring(0, colon);
        hostnames.forEach((id, h) -> {
            if (h.equals(hostname)) {
                nodes.get(id).removeVolume(name.substring(colon + 1));
            }
        });
    }

    @Override
    public List<String> clusterFiles(String project) {
        return files(project);
    }

    @Override
    public void removeClusterFile(String name) {
        removeFile(name);
    }

    @Override
    public Optional<String> imageId(String image) {
        return manager.imageId(image);
    }

    /** Nodes have no registry to pull from here: `scaler cluster up` loads scaler's images into each. */
    @Override
    public boolean pull(String image, Duration timeout) {
        return false;
    }

    @Override
    public String create(ContainerSpec spec, Map<String, String> env, Map<String, byte[]> files, String specHash) {
        throw new UnsupportedOperationException("on a swarm, `scaler up --engine swarm` creates services");
    }

    /** Starts a stopped task container on its node (Swarm may have replaced it already). */
    @Override
    public void start(String id) {
        var at = locate(id);
        at.node().start(at.container());
    }

    @Override
    public Health health(String id) {
        var at = locate(id);
        return at.node().health(at.container());
    }

    @Override
    public Exec exec(String id, List<String> command, Duration timeout) {
        var at = locate(id);
        return at.node().exec(at.container(), command, timeout);
    }

    @Override
    public List<String> logs(String id, int lines) {
        var at = locate(id);
        return at.node().logs(at.container(), lines);
    }

    /** Asked of the node that runs the task's container. */
    @Override
    public java.util.OptionalInt exitCode(String id) {
        var at = locate(id);
        return at.node().exitCode(at.container());
    }

    /** Copied out of the container on the node that runs it. */
    @Override
    public Map<String, byte[]> copyOut(String id, String directory) {
        var at = locate(id);
        return at.node().copyOut(at.container(), directory);
    }

    /** Removes the service the task belongs to: a task's container alone would be replaced at once. */
    @Override
    public void remove(String id, Duration stopTimeout) {
        if (id.startsWith("service/")) {
            removeService(id.substring("service/".length()));
            return;
        }
        var at = locate(id);
        String service;
        try {
            service = at.node().docker().inspectContainerCmd(at.container()).exec().getConfig().getLabels()
                    .get("com.docker.swarm.service.id");
        } catch (NotFoundException gone) {
            return;
        }
        removeService(service);
    }

    @Override
    public void signal(String id, String signal) {
        var at = locate(id);
        at.node().signal(at.container(), signal);
    }

    @Override
    public void stop(String id, Duration timeout) {
        var at = locate(id);
        at.node().stop(at.container(), timeout);
    }

    @Override
    public void rename(String id, String name) {
        throw new UnsupportedOperationException("Swarm names a service's tasks itself");
    }

    /** The nodes share this machine's memory: its total. */
    @Override
    public long memoryTotal() {
        return host.memoryTotal();
    }

    /** The nodes share this machine's cores too. */
    @Override
    public int cpus() {
        return host.cpus();
    }

    @Override
    public OptionalLong memoryUsage(String id) {
        var at = locate(id);
        return at.node().memoryUsage(at.container());
    }

    @Override
    public void pause(String id) {
        var at = locate(id);
        at.node().pause(at.container());
    }

    @Override
    public void unpause(String id) {
        var at = locate(id);
        at.node().unpause(at.container());
    }

    /** Each node's hostname and the address of its node container on this machine. */
    public Map<String, String> nodeAddresses() {
        var out = new java.util.TreeMap<String, String>();
        hostnames.forEach((id, h) -> out.put(h, addresses.get(id)));
        return out;
    }

    @Override
    public void close() {
        nodes.values().forEach(DockerEngine::close);
        host.close();
    }

}
