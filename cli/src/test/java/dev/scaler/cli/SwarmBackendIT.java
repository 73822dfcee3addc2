package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.EngineIT;
import dev.scaler.engine.DockerEngine;
import dev.scaler.nodes.NodeContainer;
import dev.scaler.nodes.NodeHost;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `scaler up --engine swarm` on a real 3-node swarm of `scaler cluster up`: the web tier as Swarm services, its
 * load balancer answering from this machine at a node's address, `status` naming the node of each task, a second
 * `up` changing nothing, and `down` leaving nothing on any node.
 */
class SwarmBackendIT extends EngineIT {
    private static final String CLUSTER = "it-swarm-backend";
    private static final String PROJECT = "it-swarm-web";
    private static final Pattern ENTRY = Pattern.compile("load balancer: (http://\\S+/) \\(on node (\\S+)\\)");

    @TempDir
    static Path dir;

    @AfterAll
    static void removeTheCluster() {
        Scaler.run("cluster", "down", CLUSTER);
        System.clearProperty("scaler.stateDir");
    }

    @BeforeAll
    static void startTheCluster() {
        System.setProperty("scaler.stateDir", dir.resolve("state").toString());
        // Whatever an earlier run of this test left when it was killed (its @AfterAll never ran), removed by label.
        Scaler.run("cluster", "down", CLUSTER);
        var cluster = Scaler.run("cluster", "up", "--nodes", "3", "--name", CLUSTER, "--images",
                "haproxy,webapp,redis,mariadb,agent");
        assertThat(cluster.code()).as(cluster.transcript()).isZero();
    }

    @Test
    void theWebTierRunsAsServicesAnswersThroughItsLoadBalancerAndLeavesNothingBehind() throws Exception {
        Path topology = dir.resolve("web.yaml");
        Files.writeString(topology, Files.readString(dev.scaler.Repository.root().resolve("topologies/web-tier.yaml"))
                .replace("name: web-tier", "name: " + PROJECT));

        // What the swarm backend cannot set up yet is refused before anything is made on the swarm.
        Path proxied = dir.resolve("proxied.yaml");
        Files.writeString(proxied, Files.readString(topology) + "\nproxies: true\n");
        var refused = Scaler.run("up", "--cluster", CLUSTER, proxied.toString());
        assertThat(refused.code()).as(refused.transcript()).isEqualTo(3);
        assertThat(refused.err()).contains("proxies: true").contains("nothing was created");
        try (var swarm = dev.scaler.engine.Swarm.connect(Optional.of(CLUSTER))) {
            assertThat(swarm.services(PROJECT)).isEmpty();
            assertThat(swarm.networks(PROJECT)).isEmpty();
            assertThat(swarm.files(PROJECT)).isEmpty();
        }

        long t0 = System.nanoTime();
        var up = Scaler.run("up", "--cluster", CLUSTER, topology.toString());
        System.out.printf("up --engine swarm web-tier: %.1fs%n", (System.nanoTime() - t0) / 1e9);
        assertThat(up.code()).as(up.transcript()).isZero();
        var entry = ENTRY.matcher(up.out());
        assertThat(entry.find()).as(up.transcript()).isTrue();
        URI lb = URI.create(entry.group(1));
        List<String> nodeNames = List.of(CLUSTER + "-node-1", CLUSTER + "-node-2", CLUSTER + "-node-3");
        assertThat(entry.group(2)).isIn(nodeNames);
        assertThat(up.out()).contains("if node " + entry.group(2) + " dies");
        assertThat(get(lb, Duration.ofSeconds(15))).as("the load balancer at " + lb).isEqualTo(200);
        assertSessionsLiveInRedis(lb);

        var status = Scaler.run("status", "--cluster", CLUSTER, PROJECT);
        assertThat(status.code()).as(status.transcript()).isZero();
        for (String task : List.of(PROJECT + "-web-1", PROJECT + "-web-2", PROJECT + "-web-3", PROJECT + "-lb-1",
                PROJECT + "-cache-1")) {
            assertThat(status.out().lines().filter(l -> l.contains(" " + task + " ")))
                    .as(status.transcript()).singleElement().asString()
                    .contains("running").matches(".*" + CLUSTER + "-node-[123]\\s*$");
        }
        assertThat(status.out()).as("the LB row names its node").containsPattern(
                PROJECT + "-lb-1 .*" + Pattern.quote(lb.getHost() + ":" + lb.getPort()) + "\\s+" + entry.group(2));

        var again = Scaler.run("up", "--cluster", CLUSTER, topology.toString());
        assertThat(again.out()).as(again.transcript()).contains("up to date on cluster " + CLUSTER);

        var down = Scaler.run("down", "--cluster", CLUSTER, PROJECT);
        assertThat(down.code()).as(down.transcript()).isZero();
        assertThat(get(lb, Duration.ZERO)).as("nothing answers at " + lb + " after down").isEqualTo(-1);
        assertNothingLeftOf(PROJECT);
    }

    /**
     * The negative controls of the built-ins kill-node and partition-node: each fault as written
     * ({@code node:without:lb}) and its hypothesis, on a system with one copy of each data node and one web replica.
     * Swarm places the three pinned data nodes one per node (database, cache, shard), so whichever node runs no load
     * balancer, losing it takes a single copy with it, and the run must fail the hypothesis the starter meets
     * (bench/swarm.sh). Each schedule is shortened to 30 s, the faulty part kept at about the built-in's 35 of 60 s.
     * The timeline must show what became of the lost node, and the swarm must be whole again (a leader, every node
     * Ready) when chaos returns: the web tier test after this one found no leader when it did not wait.
     */
    @Test
    void nodeFaultsFailTheirHypothesesWhenANodeHoldsTheOnlyCopyOfSomething() throws Exception {
        for (String builtIn : List.of("kill-node", "partition-node")) {
            failsItsHypothesisOnSingleCopies(builtIn);
        }
    }

    private static void failsItsHypothesisOnSingleCopies(String builtIn) throws IOException {
        String project = "it-swarm-bare-" + builtIn.replace("-node", "");
        Path topology = dir.resolve(project + ".yaml");
        Files.writeString(topology, """
                version: 1
                name: %s
                loadBalancer: { port: 8090, replicas: 2 }
                web: { replicas: 1, sessions: redis }
                cache: { replicas: 0, sentinels: 0 }
                database: { kind: mariadb, replicas: 0, failover: manual }
                shards: { count: 1, replicas: 0 }
                """.formatted(project));
        var up = Scaler.run("up", "--cluster", CLUSTER, topology.toString());
        assertThat(up.code()).as(up.transcript()).isZero();
        String script = Files.readString(dev.scaler.Repository.root().resolve("chaos-scripts/" + builtIn + ".yaml"));
        assertThat(script).contains(builtIn + ": node:without:lb").contains("availability: \">= 97%\"");
        Path experiment = dir.resolve(builtIn + "-control.yaml");
        Files.writeString(experiment, script.replace("duration: 60s", "duration: 30s").replace("at: 10s", "at: 5s")
                .replace("cooldown: 15s", "cooldown: 8s"));
        var chaos = Scaler.run("chaos", "--cluster", CLUSTER, experiment.toString(), project);
        System.out.println(chaos.out());
        assertThat(chaos.code()).as(chaos.transcript()).isEqualTo(1);
        assertThat(chaos.out()).contains("FAIL").contains("availability");

        Path runs = dir.resolve("state/runs");
        Path run;
        try (var list = Files.list(runs)) {
            run = list.filter(Files::isDirectory).max(java.util.Comparator.comparing(Path::getFileName)).orElseThrow();
        }
        var events = Files.readAllLines(run.resolve("events.jsonl"));
        String hit = events.stream().filter(l -> l.contains("\"type\":\"fault\"")).findFirst().orElseThrow()
                .replaceFirst(".*\"detail\":\"([^\"]+)\".*", "$1");
        assertThat(hit).as(builtIn).startsWith(CLUSTER + "-node-");
        if (builtIn.equals("kill-node")) {
            assertThat(events).as("Swarm's view of the dead node's tasks on the timeline").anyMatch(l ->
                    l.contains("\"type\":\"task\"") && l.contains("\"action\":\"lost\"") && l.contains("on " + hit));
        } else {
            // Swarm counts a cut-off node Down after 10-14 s and starts its tasks elsewhere 5-6 s later
            // (docs/swarm.md), past the 17 s the node is cut off here; what the timeline must show is the node
            // reconnected.
            assertThat(events).anyMatch(l -> l.contains("\"type\":\"restore\"") && l.contains("reconnected " + hit));
        }
        assertThat(chaos.err()).as("the swarm is whole again when chaos returns").doesNotContain("was not whole");

        var down = Scaler.run("down", "--cluster", CLUSTER, project);
        assertThat(down.code()).as(down.transcript()).isZero();
        assertNothingLeftOf(project);
    }

    /** No container, volume or network of the project on any node, no service, secret or config on the swarm. */
    private static void assertNothingLeftOf(String project) throws IOException {
        try (var host = NodeHost.connect()) {
            for (NodeContainer node : host.nodes(Optional.of(CLUSTER))) {
                try (var docker = DockerEngine.client(Optional.of(node.engineHost()))) {
                    var label = Map.of(dev.scaler.plan.Labels.PROJECT, project);
                    assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(label).exec())
                            .as(node.name()).isEmpty();
                    assertThat(docker.listVolumesCmd().withFilter("label", List.of(dev.scaler.plan.Labels.PROJECT + "="
                            + project)).exec().getVolumes()).as(node.name()).isNullOrEmpty();
                    assertThat(docker.listNetworksCmd().withFilter("label", List.of(dev.scaler.plan.Labels.PROJECT + "="
                            + project)).exec()).as(node.name()).isEmpty();
                    if (node.name().endsWith("-node-1")) {
                        assertThat(docker.listServicesCmd().withLabelFilter(label).exec()).isEmpty();
                        assertThat(docker.listSecretsCmd().withLabelFilter(label).exec()).isEmpty();
                        assertThat(docker.listConfigsCmd().withFilters(Map.of("label", List.of(
                                dev.scaler.plan.Labels.PROJECT + "=" + project))).exec()).isEmpty();
                    }
                }
            }
        }
    }

    /**
     * A session made through the load balancer is known to every replica it reaches next: sessions live in Redis,
     * so this fails when the web tier cannot read Redis' password from its Swarm secret or Redis is not there.
     */
    private static void assertSessionsLiveInRedis(URI lb) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var login = client.send(HttpRequest.newBuilder(lb.resolve("/login")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("user=alice"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        var servedBy = new java.util.HashSet<String>();
        for (int i = 0; i < 6; i++) {
            var me = client.send(HttpRequest.newBuilder(lb.resolve("/me")).timeout(Duration.ofSeconds(5))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(me.body()).contains("\"user\":\"alice\"");
            me.headers().firstValue("x-scaler-instance").ifPresent(servedBy::add);
        }
        assertThat(servedBy).as("replicas that knew the session").hasSizeGreaterThan(1);
    }

    /** The status of a GET, asked again until it is 200 or {@code patience} has passed; -1 when nothing answers. */
    private static int get(URI uri, Duration patience) throws InterruptedException {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        int last = -1;
        do {
            try {
                last = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return last;
                }
            } catch (IOException e) {
                last = -1;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return last;
    }
}
