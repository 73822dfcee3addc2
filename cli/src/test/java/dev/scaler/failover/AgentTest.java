package dev.scaler.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentTest {
    private static final Positions BY_NUMBER = byNode -> byNode.entrySet().stream()
            .max(Comparator.comparingLong(e -> Long.parseLong(e.getValue()))).map(Map.Entry::getKey);

    /** Three nodes in memory that obey promote/repoint/fence like MariaDB would. */
    static final class FakeCluster implements Cluster {
        final Map<String, NodeView> nodes = new HashMap<>();
        final List<String> actions = new ArrayList<>();
        String routed = "";

        FakeCluster() {
            nodes.put("db-1", new NodeView("db-1", true, true, Optional.empty(), "100"));
            nodes.put("db-2", new NodeView("db-2", true, false, Optional.of(new ReplicaLink("db-1", true, true)), "99"));
            nodes.put("db-3", new NodeView("db-3", true, false, Optional.of(new ReplicaLink("db-1", true, true)), "100"));
        }

        void kill(String name) {
            nodes.put(name, NodeView.unreachable(name));
            nodes.replaceAll((n, v) -> v.replicating().isPresent() && v.replicating().get().source().equals(name)
                    ? new NodeView(n, v.reachable(), v.writable(), Optional.of(new ReplicaLink(name, false, true)),
                            v.gtidPosition())
                    : v);
        }

        @Override
        public List<NodeView> probe(Group group) {
            return group.nodes().stream().map(nodes::get).toList();
        }

        @Override
        public void promote(Group group, String node) {
            actions.add("promote " + node);
            nodes.put(node, new NodeView(node, true, true, Optional.empty(), nodes.get(node).gtidPosition()));
        }

        @Override
        public void repoint(Group group, String node, String primary) {
            actions.add("repoint " + node + " " + primary);
            var v = nodes.get(node);
            nodes.put(node, new NodeView(node, true, false, Optional.of(new ReplicaLink(primary, true, true)),
                    v.gtidPosition()));
        }

        @Override
        public void fence(Group group, String node) {
            actions.add("fence " + node);
            var v = nodes.get(node);
            nodes.put(node, new NodeView(node, true, false, v.replicating(), v.gtidPosition()));
        }

        @Override
        public void route(Group group, String primary) {
            routed = primary;
        }
    }

    private Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private final List<String> log = new ArrayList<>();
    private final FakeCluster cluster = new FakeCluster();
    private final Agent agent = new Agent(List.of(new Group("db", List.of("db-1", "db-2", "db-3"), true)), cluster,
            FailoverPolicy.defaults(true), BY_NUMBER, new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            }, log::add);

    private void tickFor(Duration d) {
        Instant end = now.plus(d);
        while (now.isBefore(end)) {
            agent.tick();
            now = now.plusMillis(500);
        }
    }

    @Test
    void promotesTheMostAdvancedReplicaAfterTheDetectionWindowAndMovesTheRoute() {
        tickFor(Duration.ofSeconds(1));
        assertThat(cluster.routed).isEqualTo("db-1");
        cluster.kill("db-1");
        tickFor(Duration.ofSeconds(3));
        assertThat(agent.primaryOf("db")).isEqualTo("db-3");
        assertThat(cluster.actions).containsExactly("promote db-3", "repoint db-2 db-3");
        assertThat(cluster.routed).isEqualTo("db-3");
        assertThat(log).anyMatch(l -> l.contains("db: primary db-1 is dead; promoting db-3"))
                .anyMatch(l -> l.contains("failover done"));
    }

    @Test
    void anOldPrimaryThatComesBackIsFencedAndRejoinsAsAReplica() {
        cluster.kill("db-1");
        tickFor(Duration.ofSeconds(3));
        cluster.nodes.put("db-1", new NodeView("db-1", true, true, Optional.empty(), "100"));
        tickFor(Duration.ofSeconds(1));
        assertThat(cluster.actions).contains("fence db-1", "repoint db-1 db-3");
        assertThat(agent.primaryOf("db")).isEqualTo("db-3");
        assertThat(cluster.nodes.get("db-1").writable()).isFalse();
    }

    @Test
    void anAgentThatTakesOverActsOnWhatItObservedWhileStandingBy() {
        cluster.kill("db-1");
        for (int round = 0; round < 3; round++) { // 1 s of rounds standing by while the acting agent died
            agent.observe();
            now = now.plusMillis(500);
        }
        agent.tick();
        assertThat(cluster.actions).as("the first round it acts").containsExactly("promote db-3", "repoint db-2 db-3");
    }

    @Test
    void aPrimarySeenAgainWhileStandingByStartsTheDetectionWindowAfresh() {
        cluster.kill("db-1");
        agent.observe();
        now = now.plusMillis(500);
        cluster.nodes.put("db-1", new NodeView("db-1", true, true, Optional.empty(), "100")); // back: a blip
        agent.observe();
        now = now.plusMillis(500);
        cluster.kill("db-1");
        agent.observe();
        now = now.plusMillis(500);
        agent.tick();
        assertThat(cluster.actions).as("unreachable for 0.5 s only").isEmpty();
    }

    @Test
    void aHealthyGroupLogsItsStateOnce() {
        tickFor(Duration.ofSeconds(5));
        assertThat(log).hasSize(1).first().asString().contains("primary db-1 healthy");
    }
}
