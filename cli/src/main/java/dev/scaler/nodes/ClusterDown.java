package dev.scaler.nodes;

import dev.scaler.cluster.ClusterPlan;
import dev.scaler.engine.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Removes a cluster: its node containers, their volumes, its network (each found by {@code scaler.cluster=NAME},
 * nothing else), and the cgroup directories its nodes' engines made on this machine.
 */
public final class ClusterDown {
    /** Attempts, 200 ms apart, at a cgroup whose last processes are still exiting. */
    private static final int CGROUP_ATTEMPTS = 25;

    private final NodeHost host;
    private final Progress progress;
    private final Path cgroupRoot;

    public ClusterDown(NodeHost host, Progress progress) {
        this(host, progress, Path.of(NodeHost.CGROUP_ROOT));
    }

    ClusterDown(NodeHost host, Progress progress, Path cgroupRoot) {
        this.host = host;
        this.progress = progress;
        this.cgroupRoot = cgroupRoot;
    }

    /** What was removed, and what would not go. */
    public record Result(int nodes, int volumes, int networks, int cgroups, List<String> left) {
        public Result {
            left = List.copyOf(left);
        }

        /** True when the cluster had nothing here. */
        public boolean nothing() {
            return nodes + volumes + networks + cgroups == 0 && left.isEmpty();
        }
    }

    /** Removes everything of cluster {@code name}. */
    public Result run(String name) {
        var left = new ArrayList<String>();
        var nodeNames = new LinkedHashSet<String>();
        var nodes = host.nodes(Optional.of(name));
        for (var node : nodes) {
            host.removeContainer(node.id());
            nodeNames.add(node.name());
            progress.step(node.name(), "removed");
        }
        int volumes = 0;
        for (String volume : host.volumes(name)) {
            host.removeVolume(volume);
            progress.step(volume, "removed");
            volumes++;
        }
        int networks = 0;
        for (String network : host.networks(name)) {
            host.removeNetwork(network);
            progress.step(network, "removed");
            networks++;
        }
        int cgroups = 0;
        for (String node : cgroupNodes(name, nodeNames)) {
            var dirs = Cgroups.of(cgroupRoot, node);
            List<Path> stuck = dirs;
            for (int attempt = 1; attempt <= CGROUP_ATTEMPTS && !stuck.isEmpty(); attempt++) {
                stuck = Cgroups.remove(stuck);
                if (!stuck.isEmpty()) {
                    sleep();
                }
            }
            cgroups += dirs.size() - stuck.size();
            if (!dirs.isEmpty()) {
                progress.step(node, "cgroup directories removed");
            }
            stuck.forEach(d -> left.add("cgroup " + d));
        }
        host.nodes(Optional.of(name)).forEach(n -> left.add("container " + n.name()));
        host.volumes(name).forEach(v -> left.add("volume " + v));
        host.networks(name).forEach(n -> left.add("network " + n));
        return new Result(nodes.size(), volumes, networks, cgroups, left);
    }

    /**
     * The node names whose cgroup directories are the cluster's: those of the containers just removed, and any
     * directory named as a node of this cluster is (a node removed by hand leaves its directories behind).
     */
    private List<String> cgroupNodes(String cluster, LinkedHashSet<String> removed) {
        var names = new LinkedHashSet<>(removed);
        try (var controllers = java.nio.file.Files.list(cgroupRoot)) {
            for (Path controller : controllers.toList()) {
                if (java.nio.file.Files.isSymbolicLink(controller) || !java.nio.file.Files.isDirectory(controller)) {
                    continue;
                }
                try (var dirs = java.nio.file.Files.list(controller)) {
                    dirs.map(d -> d.getFileName().toString()).filter(d -> ClusterPlan.isNodeName(cluster, d))
                            .forEach(names::add);
                }
            }
        } catch (java.io.IOException e) {
            // No cgroup hierarchy to read: nothing of ours to remove there.
        }
        return List.copyOf(names);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
