package dev.scaler.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterWholeTest {
    private static SwarmNodeView node(String name, String state, boolean leader, String availability) {
        return new SwarmNodeView(name, name, "manager", availability, state, leader, "reachable");
    }

    @Test
    void aManagerTheLeaderCannotReachIsNotYetBack() {
        var view = List.of(node("n1", "ready", true, "active"), node("n2", "ready", false, "active"),
                new SwarmNodeView("n3", "n3", "manager", "active", "ready", false, "unreachable"),
                new SwarmNodeView("w4", "w4", "worker", "active", "ready", false, ""));
        assertThat(ClusterWhole.missing(view, 4)).hasValue("n3 unreachable");
    }

    @Test
    void aLeaderAndEveryNodeReadyAndActiveIsWhole() {
        var view = List.of(node("n1", "ready", true, "active"), node("n2", "ready", false, "active"),
                node("n3", "ready", false, "active"));
        assertThat(ClusterWhole.missing(view, 3)).isEmpty();
    }

    @Test
    void whatIsMissingIsNamed() {
        var view = List.of(node("n1", "ready", false, "active"), node("n2", "down", false, "active"),
                node("n3", "ready", false, "drain"));
        assertThat(ClusterWhole.missing(view, 3)).hasValue("no leader, 2 of 3 nodes ready, n3 drain");
        assertThat(ClusterWhole.missing(List.of(node("n1", "ready", true, "active")), 2)).hasValue("1 of 2 nodes ready");
    }
}
