package dev.scaler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.plan.ObservedContainer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the management API's answers (shapes as RabbitMQ 3.10 and 3.13 send them). */
class QueueApiTest {

    @Test
    void anHttpAnswerSplitsIntoStatusAndBody() {
        assertThat(QueueApi.answer("HTTP/1.0 201 Created\r\ncontent-length: 0\r\n\r\n"))
                .contains(new QueueApi.Answer(201, ""));
        assertThat(QueueApi.answer("HTTP/1.1 404 Not Found\r\nx: y\r\n\r\n{\"error\":\"Object Not Found\"}"))
                .hasValueSatisfying(a -> assertThat(a.ok()).isFalse());
        assertThat(QueueApi.answer("bash: connect: Connection refused")).isEmpty();
    }

    @Test
    void nodesCarryMemoryAndAlarms() {
        var nodes = QueueApi.nodes("""
                [{"name":"rabbit@p-queue-1","running":true,"mem_used":91234567,"mem_limit":536870912,
                  "mem_alarm":false,"disk_free_alarm":false},
                 {"name":"rabbit@p-queue-2","running":false}]""").orElseThrow();
        assertThat(nodes).containsExactly(new QueueApi.Node("rabbit@p-queue-1", true, 91234567, 536870912, false, false),
                new QueueApi.Node("rabbit@p-queue-2", false, 0, 0, false, false));
        assertThat(QueueApi.nodes("{\"error\":\"not_authorised\"}")).isEmpty();
    }

    @Test
    void aQuorumQueueNamesItsLeaderMembersDepthAndRates() {
        var jobs = QueueApi.queue("""
                {"name":"jobs","type":"quorum","leader":"rabbit@p-queue-2","node":"rabbit@p-queue-2",
                 "members":["rabbit@p-queue-1","rabbit@p-queue-2","rabbit@p-queue-3"],
                 "messages_ready":12,"messages_unacknowledged":3,"consumers":4,
                 "message_stats":{"publish_details":{"rate":20.5},"deliver_get_details":{"rate":18.0},
                                  "ack_details":{"rate":17.5}}}""").orElseThrow();
        assertThat(jobs).isEqualTo(new QueueApi.Jobs("quorum", Optional.of("rabbit@p-queue-2"),
                List.of("rabbit@p-queue-1", "rabbit@p-queue-2", "rabbit@p-queue-3"), 12, 3, 4, 20.5, 18.0, 17.5));
        var classic = QueueApi.queue("{\"type\":\"classic\",\"node\":\"rabbit@p-queue-1\"}").orElseThrow();
        assertThat(classic.leader()).contains("rabbit@p-queue-1");
        assertThat(classic.publishRate()).isZero();
    }

    @Test
    void aNodeIsLeaderMemberOrJustANode() {
        var jobs = Optional.of(new QueueApi.Jobs("quorum", Optional.of("rabbit@p-queue-2"),
                List.of("rabbit@p-queue-1", "rabbit@p-queue-2"), 0, 0, 0, 0, 0, 0));
        assertThat(Roles.queueRole(node("p-queue-2"), jobs)).isEqualTo("leader");
        assertThat(Roles.queueRole(node("p-queue-1"), jobs)).isEqualTo("member");
        assertThat(Roles.queueRole(node("p-queue-3"), jobs)).isEqualTo("node");
        assertThat(Roles.queueRole(node("p-queue-1"), Optional.empty())).isEqualTo("node");
    }

    private static ObservedContainer node(String name) {
        return new ObservedContainer("id-" + name, name, "scaler/rabbitmq:offline", Map.of(), "running", "healthy",
                List.of(), Map.of());
    }
}
