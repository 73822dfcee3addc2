package dev.scaler.nodes;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Volume;
import dev.scaler.cluster.ClusterLabels;
import dev.scaler.cluster.ClusterPlan;
import dev.scaler.cluster.NodePlan;
import dev.scaler.cluster.Subnet;
import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.EngineException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host's side of a cluster: the node containers (Docker-in-Docker), their volumes and the cluster network, made
 * and found through the engine scaler runs on. Everything it makes carries {@code scaler.cluster=NAME}; everything it
 * removes is found by that label.
 */
public final class NodeHost implements AutoCloseable {
    /** The node image images/build.sh makes. */
    public static final String IMAGE = "scaler/node:offline";
    /** The cgroup hierarchies a node's engine makes a directory in (cgroup v1 mounts them one per controller). */
    static final String CGROUP_ROOT = "/sys/fs/cgroup";

    private final DockerClient docker;

    private NodeHost(DockerClient docker) {
        this.docker = docker;
    }

    /** The engine DOCKER_HOST names (or the default socket). */
    public static NodeHost connect() {
        return new NodeHost(DockerEngine.client(Optional.empty()));
    }

    /** The subnets of the engine's networks: a cluster network must overlap none of them. */
    public List<Subnet> takenSubnets() {
        var out = new ArrayList<Subnet>();
        for (Network n : docker.listNetworksCmd().exec()) {
            if (n.getIpam() != null && n.getIpam().getConfig() != null) {
                n.getIpam().getConfig().forEach(c -> {
                    if (c.getSubnet() != null) {
                        Subnet.parse(c.getSubnet()).ifPresent(out::add);
                    }
                });
            }
        }
        return out;
    }

    /** True when the node image is on this engine. */
    public boolean hasNodeImage() {
        try {
            docker.inspectImageCmd(IMAGE).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The cluster network, with the plan's subnet (and so fixed addresses for its nodes). */
    public void createNetwork(ClusterPlan plan) {
        var ipam = new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(plan.subnet().toString())
                .withGateway(plan.subnet().host(1)));
        docker.createNetworkCmd().withName(plan.network()).withDriver("bridge").withIpam(ipam)
                .withLabels(plan.networkLabels()).withCheckDuplicate(true).exec();
    }

    /**
     * Creates (not starts) one node: the flags a Docker-in-Docker node needs where {@code --privileged} cannot start
     * (every capability but SYS_RESOURCE, seccomp and AppArmor unconfined, the host's cgroups read-write), its engine's
     * data on a volume of its own, at its fixed address.
     */
    public String createNode(NodePlan node, String network) {
        docker.createVolumeCmd().withName(node.volume()).withLabels(node.containerLabels()).exec();
        var host = HostConfig.newHostConfig()
                .withNetworkMode(network)
                .withCapAdd(Capability.ALL)
                .withCapDrop(Capability.SYS_RESOURCE)
                .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                .withBinds(new Bind(CGROUP_ROOT, new Volume(CGROUP_ROOT), AccessMode.rw),
                        new Bind(node.volume(), new Volume("/var/lib/docker")))
                // A stale pid file under /run is what kept a killed node from starting again; tmpfs starts empty.
                .withTmpFs(Map.of("/run", "rw,exec"));
        return docker.createContainerCmd(IMAGE)
                .withName(node.name())
                .withHostName(node.name())
                .withLabels(node.containerLabels())
                .withEnv("SCALER_NODE=" + node.name())
                // --tls=false said out loud: otherwise dockerd sleeps 15 s at every start to warn about plain TCP.
                .withCmd("-H", "unix:///var/run/docker.sock", "-H", "tcp://0.0.0.0:" + ClusterPlan.ENGINE_PORT,
                        "--tls=false")
                .withHostConfig(host)
                .withIpv4Address(node.address())
                .exec().getId();
    }

    /** Starts a node container; running already is fine. */
    public void start(String container) {
        try {
            docker.startContainerCmd(container).exec();
        } catch (NotModifiedException running) {
            // What was wanted.
        }
    }

    /** The node containers of a cluster (all clusters when empty), in node order. */
    public List<NodeContainer> nodes(Optional<String> cluster) {
        var cmd = docker.listContainersCmd().withShowAll(true);
        cmd = cluster.isPresent() ? cmd.withLabelFilter(Map.of(ClusterLabels.CLUSTER, cluster.get()))
                : cmd.withLabelFilter(List.of(ClusterLabels.CLUSTER));
        return cmd.exec().stream().map(NodeContainer::of)
                .sorted(Comparator.comparing(NodeContainer::cluster).thenComparingInt(NodeContainer::index)).toList();
    }

    /** The names of the clusters that have a node container, a volume or a network here. */
    public List<String> clusters() {
        var names = new java.util.TreeSet<String>();
        nodes(Optional.empty()).forEach(n -> names.add(n.cluster()));
        docker.listNetworksCmd().withFilter("label", List.of(ClusterLabels.CLUSTER)).exec()
                .forEach(n -> names.add(n.getLabels().get(ClusterLabels.CLUSTER)));
        return List.copyOf(names);
    }

    /** The cluster's volumes (found by label). */
    public List<String> volumes(String cluster) {
        var response = docker.listVolumesCmd().withFilter("label", List.of(ClusterLabels.CLUSTER + "=" + cluster))
                .exec();
        return response.getVolumes() == null ? List.of() : response.getVolumes().stream().map(v -> v.getName()).toList();
    }

    /** The cluster's networks (found by label). */
    public List<String> networks(String cluster) {
        return docker.listNetworksCmd().withFilter("label", List.of(ClusterLabels.CLUSTER + "=" + cluster)).exec()
                .stream().map(Network::getName).toList();
    }

    /** Removes a node container at once (its engine's state is on its volume); gone already is fine. */
    public void removeContainer(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // What was wanted.
        }
    }

    /** Removes a volume; gone already is fine. */
    public void removeVolume(String name) {
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException gone) {
            // What was wanted.
        }
    }

    /** Removes a network; gone already is fine. */
    public void removeNetwork(String name) {
        try {
            docker.removeNetworkCmd(name).exec();
        } catch (NotFoundException gone) {
            // What was wanted.
        }
    }

    /** SIGKILL to the node container: the machine loses power. */
    public void kill(String container) {
        try {
            docker.killContainerCmd(container).exec();
        } catch (DockerException e) {
            throw new EngineException("cannot kill node " + container + ": " + DockerEngine.rootMessage(e), "", e);
        }
    }

    /** A graceful stop of the node container: its engine leaves its tasks and shuts down. */
    public void stop(String container, int seconds) {
        try {
            docker.stopContainerCmd(container).withTimeout(seconds).exec();
        } catch (NotModifiedException stopped) {
            // What was wanted.
        }
    }

    /** Freezes every process of the node (its engine and its tasks); paused already is fine. */
    public void pause(String container) {
        if (!Boolean.TRUE.equals(docker.inspectContainerCmd(container).exec().getState().getPaused())) {
            docker.pauseContainerCmd(container).exec();
        }
    }

    /** Thaws a paused node; not paused (or gone) is fine. */
    public void unpause(String container) {
        try {
            if (Boolean.TRUE.equals(docker.inspectContainerCmd(container).exec().getState().getPaused())) {
                docker.unpauseContainerCmd(container).exec();
            }
        } catch (NotFoundException gone) {
            // A node that is gone is not paused.
        }
    }

    /** Cuts the node off the cluster network; cut off already is fine. */
    public void disconnect(String container, String network) {
        if (!connected(container, network)) {
            return;
        }
        docker.disconnectFromNetworkCmd().withContainerId(container).withNetworkId(network).withForce(true).exec();
    }

    /** Puts the node back on the cluster network at its fixed address; connected already is fine. */
    public void reconnect(String container, String network, String address) {
        if (connected(container, network)) {
            return;
        }
        docker.connectToNetworkCmd().withContainerId(container).withNetworkId(network)
                .withContainerNetwork(new ContainerNetwork().withIpamConfig(
                        new ContainerNetwork.Ipam().withIpv4Address(address)))
                .exec();
    }

    /** True when the container is attached to the network. */
    public boolean connected(String container, String network) {
        var networks = docker.inspectContainerCmd(container).exec().getNetworkSettings().getNetworks();
        return networks != null && networks.containsKey(network);
    }

    /** The docker-java client, for the image copy (save on this engine). */
    DockerClient docker() {
        return docker;
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (java.io.IOException e) {
            // Nothing to release that matters at exit.
        }
    }
}
