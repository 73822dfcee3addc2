package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.QueueTier;
import dev.scaler.provision.QueueApi;
import dev.scaler.state.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The queue on the real engine: `up` forms a 3-node RabbitMQ cluster with the quorum queue jobs on every node, and a
 * job confirmed to its publisher is still there after the node leading the queue is killed.
 */
class QueueIT extends ProjectIT {
    private static final String PROJECT = "it-queue";

    @Override
    String project() {
        return PROJECT;
    }

    private QueueApi api(String container) {
        return new QueueApi(docker.engine, docker.container(container).id());
    }

    private Optional<QueueApi.Jobs> jobs(String container) {
        return api(container).jobs();
    }

    private static String address(ObservedContainer c) {
        return c.networks().values().iterator().next();
    }

    @Test
    void aConfirmedJobSurvivesTheLossOfTheQueueLeader() throws Exception {
        Path file = dir.resolve("queue.yaml");
        Files.writeString(file, """
                name: %s
                images: offline
                loadBalancer: { port: %d }
                web: { replicas: 1 }
                queue: { nodes: 3 }
                """.formatted(PROJECT, port));
        var up = Scaler.run("up", "--timeout", "180", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();
        assertThat(up.out()).contains("queue: 3 nodes running, quorum queue jobs led by rabbit@" + PROJECT + "-queue-");

        List<QueueApi.Node> nodes = api(PROJECT + "-queue-1").nodes().orElseThrow();
        assertThat(nodes).extracting(QueueApi.Node::name).containsExactlyInAnyOrder("rabbit@it-queue-queue-1",
                "rabbit@it-queue-queue-2", "rabbit@it-queue-queue-3");
        assertThat(nodes).allMatch(QueueApi.Node::running);
        QueueApi.Jobs before = jobs(PROJECT + "-queue-2").orElseThrow();
        assertThat(before.type()).isEqualTo("quorum");
        assertThat(before.members()).hasSize(3);
        String leader = before.leader().orElseThrow().substring("rabbit@".length());
        var status = Scaler.run("status", PROJECT);
        assertThat(status.out().lines().filter(l -> l.contains(leader) && l.contains(" leader ")))
                .as(status.out()).hasSize(1);
        assertThat(status.out().lines().filter(l -> l.contains("-queue-") && l.contains(" member "))).hasSize(2);
        // The password reaches the nodes as a file; docker inspect shows none.
        assertThat(docker.inspect(leader, "{{json .Config.Env}}")).contains("RABBITMQ_DEFAULT_PASS_FILE")
                .doesNotContain(password());

        // A job published with confirms through a node that is not the leader.
        String survivor = List.of(1, 2, 3).stream().map(i -> QueueTier.node(PROJECT, i))
                .filter(n -> !n.equals(leader)).findFirst().orElseThrow();
        String job = "job-" + UUID.randomUUID();
        try (var connection = factory(survivor).newConnection(); var channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish("", QueueTier.JOBS, true, null, job.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5_000);
        }

        docker.kill(leader);
        eventually(Duration.ofSeconds(30), "a new leader of jobs among the two nodes left", () -> jobs(survivor)
                .flatMap(QueueApi.Jobs::leader).filter(l -> !l.equals("rabbit@" + leader)).isPresent());
        try (var connection = factory(survivor).newConnection(); var channel = connection.createChannel()) {
            GetResponse got = channel.basicGet(QueueTier.JOBS, true);
            assertThat(got).as("the confirmed job after the leader died").isNotNull();
            assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo(job);
        }
    }

    private String password() {
        return Secrets.open(dir.resolve(".scaler"), PROJECT).known(QueueTier.PASSWORD).orElseThrow();
    }

    private ConnectionFactory factory(String container) {
        var f = new ConnectionFactory();
        f.setHost(address(docker.container(container)));
        f.setPort(QueueTier.PORT);
        f.setUsername(QueueTier.USER);
        f.setPassword(password());
        f.setConnectionTimeout(5_000);
        f.setAutomaticRecoveryEnabled(false);
        return f;
    }
}
