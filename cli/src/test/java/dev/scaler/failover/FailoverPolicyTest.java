package dev.scaler.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailoverPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    /** Positions as plain numbers in these tests; the real comparison is the dialect's. */
    private static final Positions BY_NUMBER = byNode -> byNode.entrySet().stream()
            .max(Comparator.comparingLong(e -> Long.parseLong(e.getValue()))).map(Map.Entry::getKey);
    private final FailoverPolicy auto = FailoverPolicy.defaults(true);

    private static NodeView replica(String name, String source, boolean io, String position) {
        return new NodeView(name, true, false, Optional.of(new ReplicaLink(source, io, true)), position);
    }

    private static NodeView primary(String name) {
        return new NodeView(name, true, true, Optional.empty(), "100");
    }

    private Decision decide(List<NodeView> views, Optional<Instant> since, Optional<Instant> lastPromotion) {
        return auto.decide("db-1", views, since, lastPromotion, NOW, BY_NUMBER);
    }

    @Test
    void aReachablePrimaryIsHealthy() {
        var d = decide(List.of(primary("db-1"), replica("db-2", "db-1", true, "100")), Optional.empty(),
                Optional.empty());
        assertThat(d).isEqualTo(new Decision.Healthy("db-1", false, List.of(), List.of()));
    }

    @Test
    void anUnreachablePrimaryIsOnlySuspectUntilTheDetectionWindowPasses() {
        var views = List.of(NodeView.unreachable("db-1"), replica("db-2", "db-1", false, "100"));
        assertThat(decide(views, Optional.of(NOW.minusMillis(500)), Optional.empty()))
                .isInstanceOf(Decision.Suspect.class);
        assertThat(decide(views, Optional.of(NOW.minusMillis(1500)), Optional.empty()))
                .isInstanceOf(Decision.Promote.class);
    }

    @Test
    void noFailoverWhileAReplicaStillSeesThePrimary() {
        var views = List.of(NodeView.unreachable("db-1"), replica("db-2", "db-1", true, "100"),
                replica("db-3", "db-1", false, "100"));
        var d = decide(views, Optional.of(NOW.minusSeconds(5)), Optional.empty());
        assertThat(d).isInstanceOfSatisfying(Decision.Suspect.class,
                s -> assertThat(s.why()).contains("db-2 still replicate"));
    }

    @Test
    void promotesTheMostAdvancedReplicaAndRepointsTheOthers() {
        var views = List.of(NodeView.unreachable("db-1"), replica("db-2", "db-1", false, "98"),
                replica("db-3", "db-1", false, "100"), NodeView.unreachable("db-4"));
        var d = decide(views, Optional.of(NOW.minusSeconds(2)), Optional.empty());
        assertThat(d).isEqualTo(new Decision.Promote("db-1", "db-3", List.of("db-2")));
    }

    @Test
    void manualModeAndTheBlockPeriodStopAnAutomaticPromotion() {
        var views = List.of(NodeView.unreachable("db-1"), replica("db-2", "db-1", false, "100"));
        var manual = FailoverPolicy.defaults(false).decide("db-1", views, Optional.of(NOW.minusSeconds(5)),
                Optional.empty(), NOW, BY_NUMBER);
        assertThat(manual).isInstanceOfSatisfying(Decision.Stuck.class,
                s -> assertThat(s.why()).contains("manual"));
        var blocked = decide(views, Optional.of(NOW.minusSeconds(5)), Optional.of(NOW.minus(Duration.ofSeconds(10))));
        assertThat(blocked).isInstanceOfSatisfying(Decision.Stuck.class,
                s -> assertThat(s.why()).contains("flapping"));
        var later = decide(views, Optional.of(NOW.minusSeconds(5)), Optional.of(NOW.minus(Duration.ofSeconds(31))));
        assertThat(later).isInstanceOf(Decision.Promote.class);
    }

    @Test
    void noReachableReplicaOrNoCommonAncestorIsStuck() {
        var alone = decide(List.of(NodeView.unreachable("db-1"), NodeView.unreachable("db-2")),
                Optional.of(NOW.minusSeconds(5)), Optional.empty());
        assertThat(alone).isInstanceOfSatisfying(Decision.Stuck.class,
                s -> assertThat(s.why()).contains("no replica is reachable"));
        var diverged = FailoverPolicy.defaults(true).decide("db-1",
                List.of(NodeView.unreachable("db-1"), replica("db-2", "db-1", false, "1")),
                Optional.of(NOW.minusSeconds(5)), Optional.empty(), NOW, byNode -> Optional.empty());
        assertThat(diverged).isInstanceOfSatisfying(Decision.Stuck.class,
                s -> assertThat(s.why()).contains("diverged"));
    }

    @Test
    void anOldPrimaryBackWritableIsFencedAndRepointed() {
        var views = List.of(new NodeView("db-1", true, true, Optional.empty(), "90"), primary("db-2"),
                replica("db-3", "db-2", true, "100"));
        var d = auto.decide("db-2", views, Optional.empty(), Optional.empty(), NOW, BY_NUMBER);
        assertThat(d).isEqualTo(new Decision.Healthy("db-2", false, List.of("db-1"), List.of("db-1")));
    }

    @Test
    void aFreshGroupOpensItsFirstNodeAndStartsReplicationOnTheOthers() {
        var fresh = List.of(new NodeView("db-1", true, false, Optional.empty(), ""),
                new NodeView("db-2", true, false, Optional.empty(), ""));
        var d = decide(fresh, Optional.empty(), Optional.empty());
        assertThat(d).isEqualTo(new Decision.Healthy("db-1", true, List.of(), List.of("db-2")));
    }

    @Test
    void aReplicaOfTheWrongSourceIsRepointed() {
        var views = List.of(primary("db-2"), replica("db-3", "db-1", false, "100"));
        var d = auto.decide("db-2", views, Optional.empty(), Optional.empty(), NOW, BY_NUMBER);
        assertThat(d).isEqualTo(new Decision.Healthy("db-2", false, List.of(), List.of("db-3")));
    }
}
