package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.Repository;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue cluster, the worker tier and the SCALER_QUEUE_* contract as planned. */
class QueueTierTest {
    private static final String JOBS = """
            name: jobs
            images: offline
            shards: {count: 2, replicas: 0}
            queue: {nodes: 3}
            workers: {replicas: 2, prefetch: 20, concurrency: 3}
            """;

    @Test
    void threeNodesFormOneClusterJoiningTheFirstAndClientsWaitForAllOfThem() {
        Plan plan = Planner.plan(Topologies.of(JOBS));
        var nodes = plan.containers().stream().filter(c -> c.tier() == Tier.QUEUE).toList();
        assertThat(nodes).extracting(ContainerSpec::name).containsExactly("jobs-queue-1", "jobs-queue-2", "jobs-queue-3");
        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.labels()).containsEntry(Labels.TIER, "queue").containsEntry(Labels.PROJECT, "jobs");
            assertThat(n.image()).isEqualTo("scaler/rabbitmq:offline");
            assertThat(n.mounts()).containsExactly(new Mount(n.name() + "-data", "/var/lib/rabbitmq"));
            assertThat(n.env()).containsEntry("RABBITMQ_NODENAME", "rabbit@" + n.name())
                    .containsEntry("RABBITMQ_ERLANG_COOKIE_FILE", "/run/secrets/queue.cookie")
                    .containsEntry("RABBITMQ_DEFAULT_PASS_FILE", "/run/secrets/queue.password");
            assertThat(n.env().values()).noneMatch(v -> v.contains("${secret:"));
            assertThat(n.files()).filteredOn(f -> f.path().equals(QueueTier.CONF)).singleElement()
                    .satisfies(f -> assertThat(f.content())
                            .contains("cluster_formation.classic_config.nodes.1 = rabbit@jobs-queue-1"));
            assertThat(n.healthCheck()).isPresent();
        });
        assertThat(nodes.get(0).dependsOn()).isEmpty();
        assertThat(nodes.get(1).dependsOn()).containsExactly("jobs-queue-1");
        assertThat(nodes.get(2).dependsOn()).containsExactly("jobs-queue-1");
        assertThat(plan.container("jobs-web-1").orElseThrow().dependsOn())
                .containsExactly("jobs-queue-1", "jobs-queue-2", "jobs-queue-3");
        // After the replicas (so after the queue), so the load balancer's health check does not run out waiting.
        assertThat(plan.container("jobs-lb-1").orElseThrow().dependsOn()).containsExactly("jobs-web-1", "jobs-web-2");
    }

    @Test
    void theReferenceWorkerRunsTheWebImagesOwnCommandWithTheArgumentWorker() throws Exception {
        for (String dockerfile : List.of("Dockerfile", "Dockerfile.upstream")) {
            String cmd = Files.readAllLines(Repository.root().resolve("images/webapp").resolve(dockerfile)).stream()
                    .filter(l -> l.startsWith("CMD ")).reduce((a, b) -> b).orElseThrow();
            var expected = new ArrayList<String>();
            new ObjectMapper().readTree(cmd.substring(4)).forEach(n -> expected.add(n.asText()));
            expected.add("worker");
            assertThat(Images.WORKER_COMMAND).as(dockerfile).isEqualTo(expected);
        }
    }

    @Test
    void webAndWorkersGetTheQueueContractWithThePasswordInAFile() {
        Plan plan = Planner.plan(Topologies.of(JOBS));
        var contract = Map.of("SCALER_QUEUE_ADDRESSES", "jobs-queue-1:5672,jobs-queue-2:5672,jobs-queue-3:5672",
                "SCALER_QUEUE_USER", "scaler", "SCALER_QUEUE_PASSWORD_FILE", "/run/secrets/queue.password",
                "SCALER_QUEUE_NAME", "jobs", "SCALER_QUEUE_TYPE", "quorum", "SCALER_QUEUE_VHOST", "/");
        assertThat(plan.container("jobs-web-1").orElseThrow().env()).containsAllEntriesOf(contract)
                .doesNotContainKey("SCALER_WORKER_PREFETCH");
        ContainerSpec worker = plan.container("jobs-worker-2").orElseThrow();
        assertThat(worker.env()).containsAllEntriesOf(contract).containsEntry("SCALER_WORKER_PREFETCH", "20")
                .containsEntry("SCALER_WORKER_CONCURRENCY", "3").containsEntry("SCALER_INSTANCE", "jobs-worker-2")
                .containsKey("SCALER_SHARD_URLS");
        assertThat(worker.image()).isEqualTo("scaler/webapp:offline");
        assertThat(worker.command()).endsWith("-jar", "/app/webapp.jar", "worker");
        assertThat(worker.labels()).containsEntry(Labels.TIER, "workers").containsEntry(Labels.INDEX, "2");
        assertThat(worker.files()).contains(new ContainerFile("/run/secrets/queue.password", QueueTier.PASSWORD, 0444));
        assertThat(worker.dependsOn()).contains("jobs-queue-1", "jobs-queue-2", "jobs-queue-3");
    }

    @Test
    void oneNodeIsAClassicQueueAndAUserWorkerImageRunsAsItIs() {
        Plan plan = Planner.plan(Topologies.of("""
                name: one
                queue: {nodes: 1}
                workers: {replicas: 1, image: registry.example.com/shop/worker:1.2}
                """));
        assertThat(plan.containers()).filteredOn(c -> c.tier() == Tier.QUEUE).extracting(ContainerSpec::name)
                .containsExactly("one-queue-1");
        ContainerSpec worker = plan.container("one-worker-1").orElseThrow();
        assertThat(worker.env()).containsEntry("SCALER_QUEUE_TYPE", "classic")
                .containsEntry("SCALER_QUEUE_ADDRESSES", "one-queue-1:5672");
        assertThat(worker.image()).isEqualTo("registry.example.com/shop/worker:1.2");
        assertThat(worker.command()).isEmpty();
        assertThat(worker.healthCheck()).isEmpty();
    }

    @Test
    void upstreamRunsThePinnedOfficialImageAndPutsTheFilesInPlaceItself() {
        Plan plan = Planner.plan(Topologies.of("name: up\nimages: upstream\nqueue: {nodes: 3}\n"));
        ContainerSpec node = plan.container("up-queue-2").orElseThrow();
        assertThat(node.image()).isEqualTo(Images.RABBITMQ_UPSTREAM).matches("rabbitmq:\\d+\\.\\d+\\.\\d+-management");
        assertThat(node.command()).containsExactly("bash", "-c", QueueTier.UPSTREAM_START);
        assertThat(QueueTier.UPSTREAM_START).contains("$RABBITMQ_ERLANG_COOKIE_FILE", "$RABBITMQ_DEFAULT_PASS_FILE",
                "exec docker-entrypoint.sh rabbitmq-server");
    }

    @Test
    void withProxiesWebAndWorkersReachEachNodeThroughTheirOwnProxy() {
        Plan plan = Planner.plan(Topologies.of(JOBS + "proxies: true\n"));
        assertThat(plan.proxies()).extracting(ProxyRoute::name).contains("queue-1", "queue-2", "queue-3",
                "workers-queue-1", "workers-queue-2", "workers-queue-3");
        assertThat(plan.proxies()).filteredOn(r -> r.name().equals("workers-queue-2")).singleElement()
                .satisfies(r -> assertThat(r.upstream()).isEqualTo("jobs-queue-2:5672"));
        assertThat(plan.container("jobs-web-1").orElseThrow().env()).containsEntry("SCALER_QUEUE_ADDRESSES",
                "jobs-proxy:25001,jobs-proxy:25002,jobs-proxy:25003");
        assertThat(plan.container("jobs-worker-1").orElseThrow().env()).containsEntry("SCALER_QUEUE_ADDRESSES",
                "jobs-proxy:25101,jobs-proxy:25102,jobs-proxy:25103");
    }

    @Test
    void noWorkersMeansNoWorkerProxies() {
        Plan plan = Planner.plan(Topologies.of("name: q\nqueue: {nodes: 3}\nproxies: true\n"));
        assertThat(plan.proxies()).extracting(ProxyRoute::name).noneMatch(n -> n.startsWith("workers-"));
        assertThat(plan.containers()).noneMatch(c -> c.tier() == Tier.WORKERS);
    }
}
