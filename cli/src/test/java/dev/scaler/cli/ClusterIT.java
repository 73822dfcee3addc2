package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import dev.scaler.EngineIT;
import dev.scaler.chaos.Journal;
import dev.scaler.chaos.Leftovers;
import dev.scaler.chaos.NodeAction;
import dev.scaler.chaos.NodeFaults;
import dev.scaler.chaos.NodeTarget;
import dev.scaler.chaos.Undo;
import dev.scaler.engine.DockerEngine;
import dev.scaler.nodes.NodeContainer;
import dev.scaler.nodes.NodeHost;
import dev.scaler.nodes.SwarmNodeView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `scaler cluster up/status/down` against a real Swarm of Docker-in-Docker nodes: three Ready managers and one
 * leader, a dnsrr service answering across nodes, a killed node marked Down and its task run elsewhere, the rollback
 * (from the fault journal, as a crashed run's leftover) bringing it back Ready, and nothing left after down.
 */
class ClusterIT extends EngineIT {
    private static final String CLUSTER = "it-swarm";
    private static final String SERVICE = "it-echo";

    @TempDir
    Path state;

    /** Whatever an earlier run of this test left when it was killed (its @AfterAll never ran), removed by label. */
    @BeforeAll
    static void removeALeftCluster() {
        Scaler.run("cluster", "down", CLUSTER);
    }

    @AfterAll
    static void removeTheCluster() {
        Scaler.run("cluster", "down", CLUSTER);
    }

    @Test
    void aThreeNodeSwarmSurvivesAKilledNodeAndLeavesNothingBehind() throws Exception {
        var bad = Scaler.run("cluster", "up", "--nodes", "0", "--name", CLUSTER);
        assertThat(bad.code()).as(bad.transcript()).isEqualTo(2);
        assertThat(bad.err()).contains("--nodes 0: expected 1 to 16").contains("nothing was created");

        long t0 = System.nanoTime();
        var up = Scaler.run("cluster", "up", "--nodes", "3", "--name", CLUSTER, "--images", "redis");
        double upSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(up.code()).as(up.transcript()).isZero();
        System.out.printf("cluster up --nodes 3: %.1fs%n", upSeconds);
        var again = Scaler.run("cluster", "up", "--nodes", "3", "--name", CLUSTER);
        assertThat(again.code()).as(again.transcript()).isEqualTo(3);
        assertThat(again.err()).contains("cluster " + CLUSTER + " exists already");

        try (var host = NodeHost.connect(); var engine = DockerEngine.connect()) {
            List<NodeContainer> nodes = host.nodes(Optional.of(CLUSTER));
            assertThat(nodes).extracting(NodeContainer::name)
                    .containsExactly("it-swarm-node-1", "it-swarm-node-2", "it-swarm-node-3");
            try (DockerClient first = DockerEngine.client(Optional.of(nodes.get(0).engineHost()))) {
                var swarm = views(first);
                assertThat(swarm).extracting(SwarmNodeView::state).containsOnly("ready");
                assertThat(swarm).extracting(SwarmNodeView::role).containsOnly("manager");
                assertThat(swarm).filteredOn(SwarmNodeView::leader).hasSize(1);
                assertThat(first.listSwarmNodesCmd().exec()).allSatisfy(n -> assertThat(n.getSpec().getLabels())
                        .containsEntry("scaler.datacenter", "dc1"));
                for (var node : nodes) {
                    System.out.printf("idle node %s: %.0f MiB%n", node.name(),
                            engine.memoryUsage(node.id()).orElseThrow() / 1048576.0);
                }

                var status = Scaler.run("cluster", "status", CLUSTER);
                assertThat(status.code()).as(status.transcript()).isZero();
                assertThat(status.out()).contains("it-swarm-node-3").contains("172.29.").contains("ready")
                        .contains("manager").contains("yes");

                // A dnsrr service (no virtual IP: this kernel has no IPVS) of one Redis per node.
                first.createNetworkCmd().withName("it-net").withDriver("overlay").withAttachable(true).exec();
                first.createServiceCmd(new ServiceSpec().withName(SERVICE)
                        .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec()
                                .withImage("scaler/redis:offline")))
                        .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions()
                                .withReplicas(3)))
                        .withEndpointSpec(new EndpointSpec().withMode(EndpointResolutionMode.DNSRR))
                        .withNetworks(List.of(new NetworkAttachmentConfig().withTarget("it-net")))).exec();
                Map<String, String> placed = eventually(Duration.ofSeconds(60), () -> {
                    var running = running(first);
                    return running.size() == 3 && running.values().stream().distinct().count() == 3 ? running : null;
                }, "3 running tasks of " + SERVICE + " on 3 nodes");

                // From the task on node 1, every task's address answers PING: traffic crosses the overlay.
                String node1 = swarm.stream().filter(v -> v.hostname().equals("it-swarm-node-1")).findFirst()
                        .orElseThrow().id();
                String local = first.listContainersCmd().withLabelFilter(Map.of("com.docker.swarm.service.name",
                        SERVICE)).exec().get(0).getId();
                // Swarm's DNS learns of tasks on other nodes by gossip, a moment after they run: poll, bounded.
                List<String> addresses = eventually(Duration.ofSeconds(30), () -> {
                    try {
                        var found = exec(first, local, "getent", "ahostsv4", "tasks." + SERVICE).lines()
                                .map(l -> l.split("\\s+")[0]).distinct().toList();
                        return found.size() == 3 ? found : null;
                    } catch (Exception e) {
                        return null;
                    }
                }, "tasks." + SERVICE + " resolving to 3 addresses");
                for (String ip : addresses) {
                    assertThat(exec(first, local, "redis-cli", "-h", ip, "ping")).as("PING %s", ip)
                            .isEqualTo("PONG");
                }
                assertThat(placed).containsValue(node1);

                // Kill node 3 the way `scaler chaos` does: journaled first; then the journal's rollback restores it.
                var journal = Journal.of(state, "it-cluster");
                journal.begin(new Journal.Owner(-1, "", "it-run"));
                var faults = new NodeFaults(host, CLUSTER, new Random(1));
                var victim = faults.resolve(new NodeTarget.Numbered(3), tier -> java.util.Set.of());
                String victimId = swarm.stream().filter(v -> v.hostname().equals(victim.name())).findFirst()
                        .orElseThrow().id();
                long k0 = System.nanoTime();
                faults.apply(new NodeAction.KillNode(new NodeTarget.Numbered(3)), victim, 1, journal);
                eventually(Duration.ofSeconds(45), () -> state(first, victim.name()).equals("down") ? true : null,
                        victim.name() + " marked down");
                double down = (System.nanoTime() - k0) / 1e9;
                eventually(Duration.ofSeconds(60), () -> {
                    var running = running(first);
                    return running.size() == 3 && !running.containsValue(victimId) ? true : null;
                }, "3 tasks running again, none on " + victim.name());
                double moved = (System.nanoTime() - k0) / 1e9;
                System.out.printf("kill-node: marked down after %.1fs, its task running elsewhere after %.1fs%n",
                        down, moved);
                assertThat(journal.read().pending()).hasSize(1);

                long r0 = System.nanoTime();
                var undone = Leftovers.undo(journal, new Undo(engine, Optional::empty), Optional.empty());
                assertThat(undone).isInstanceOfSatisfying(Leftovers.Undone.class, u -> {
                    assertThat(u.complete()).as(u.outcomes().toString()).isTrue();
                    assertThat(u.outcomes().get(0).what()).isEqualTo("started " + victim.name());
                });
                assertThat(Files.exists(journal.file())).as("the journal goes once all is undone").isFalse();
                eventually(Duration.ofSeconds(60), () -> state(first, victim.name()).equals("ready") ? true : null,
                        victim.name() + " ready again");
                System.out.printf("kill-node rollback: %s ready again after %.1fs%n", victim.name(),
                        (System.nanoTime() - r0) / 1e9);
                assertThat(host.nodes(Optional.of(CLUSTER)).get(2).address()).isEqualTo(victim.address());

                // Cut node 2 off the cluster network; the rollback puts it back at its fixed address, Ready.
                journal.begin(new Journal.Owner(-1, "", "it-run-2"));
                var cut = faults.resolve(new NodeTarget.Numbered(2), tier -> java.util.Set.of());
                faults.apply(new NodeAction.PartitionNode(new NodeTarget.Numbered(2)), cut, 1, journal);
                String network = "scaler-cluster-" + CLUSTER;
                assertThat(host.connected(cut.id(), network)).as("%s on %s", cut.name(), network).isFalse();
                var healed = Leftovers.undo(journal, new Undo(engine, Optional::empty), Optional.empty());
                assertThat(healed).isInstanceOfSatisfying(Leftovers.Undone.class, u -> assertThat(u.outcomes().get(0)
                        .what()).isEqualTo("reconnected " + cut.name() + " to " + network + " at " + cut.address()));
                try (DockerClient here = DockerEngine.client(Optional.empty())) {
                    assertThat(here.inspectContainerCmd(cut.id()).exec().getNetworkSettings().getNetworks()
                            .get(network).getIpAddress()).isEqualTo(cut.address());
                }
                eventually(Duration.ofSeconds(30), () -> state(first, cut.name()).equals("ready") ? true : null,
                        cut.name() + " ready after the partition");
            }

            var down = Scaler.run("cluster", "down", CLUSTER);
            assertThat(down.code()).as(down.transcript()).isZero();
            assertThat(down.out()).contains("3 nodes, 3 volumes, 1 networks");
            assertThat(host.nodes(Optional.of(CLUSTER))).isEmpty();
            assertThat(host.volumes(CLUSTER)).isEmpty();
            assertThat(host.networks(CLUSTER)).isEmpty();
            assertThat(cgroupDirs()).as("cgroup directories of the nodes").isEmpty();
            var twice = Scaler.run("cluster", "down", CLUSTER);
            assertThat(twice.out()).as(twice.transcript()).contains("nothing to remove");
        }
    }

    private static List<String> cgroupDirs() throws Exception {
        try (var controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            return controllers.filter(c -> !Files.isSymbolicLink(c)).flatMap(c -> {
                try (var dirs = Files.list(c)) {
                    return dirs.map(Path::toString).filter(d -> d.contains("/" + CLUSTER + "-node-")).toList().stream();
                } catch (Exception e) {
                    return java.util.stream.Stream.empty();
                }
            }).toList();
        }
    }

    private static List<SwarmNodeView> views(DockerClient manager) {
        return manager.listSwarmNodesCmd().exec().stream().map(SwarmNodeView::of).toList();
    }

    private static String state(DockerClient manager, String hostname) {
        return views(manager).stream().filter(v -> v.hostname().equals(hostname)).map(SwarmNodeView::state)
                .findFirst().orElse("");
    }

    /** Running tasks of the service that Swarm wants running: task id to node id. */
    private static Map<String, String> running(DockerClient manager) {
        return manager.listTasksCmd().withServiceFilter(SERVICE).exec().stream()
                // A down node's task keeps its last state, running, though Swarm wants it shut down: desired state too.
                .filter(t -> t.getStatus() != null && t.getStatus().getState() == TaskState.RUNNING
                        && t.getDesiredState() == TaskState.RUNNING && t.getNodeId() != null)
                .collect(Collectors.toMap(Task::getId, Task::getNodeId));
    }

    private static String exec(DockerClient docker, String container, String... command) throws Exception {
        var out = new StringBuilder();
        String id = docker.execCreateCmd(container).withCmd(command).withAttachStdout(true).withAttachStderr(true)
                .exec().getId();
        docker.execStartCmd(id).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<
                com.github.dockerjava.api.model.Frame>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.Frame frame) {
                out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }).awaitCompletion(20, java.util.concurrent.TimeUnit.SECONDS);
        return out.toString().strip();
    }

    private static <T> T eventually(Duration limit, Supplier<T> probe, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            T value;
            try {
                value = probe.get();
            } catch (RuntimeException e) {
                value = null;
            }
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + limit.toSeconds() + "s: " + what);
    }
}
