package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaler.engine.EngineException;
import dev.scaler.nodes.NodeContainer;
import dev.scaler.plan.Tier;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeWithoutTest {
    private static NodeContainer node(int n, String state) {
        return new NodeContainer("id" + n, "c-node-" + n, "c", n, "manager", "", "172.29.0.1" + n, state);
    }

    private static final List<NodeContainer> NODES = List.of(node(1, "running"), node(2, "running"),
            node(3, "running"), node(4, "exited"));
    private static final NodeTarget.Without NO_LB = new NodeTarget.Without(Tier.LB);

    @Test
    void picksOnlyARunningNodeThatRunsNoneOfTheTier() {
        for (int seed = 0; seed < 20; seed++) {
            var chosen = NodeFaults.without(NO_LB, NODES, Set.of("c-node-1", "c-node-3"), new Random(seed), "c");
            assertThat(chosen.name()).isEqualTo("c-node-2");
        }
    }

    @Test
    void theSameSeedPicksTheSameNode() {
        var a = NodeFaults.without(NO_LB, NODES, Set.of("c-node-1"), new Random(7), "c");
        var b = NodeFaults.without(NO_LB, NODES, Set.of("c-node-1"), new Random(7), "c");
        assertThat(a).isEqualTo(b);
        assertThat(a.name()).isIn("c-node-2", "c-node-3");
    }

    @Test
    void saysSoWhenEveryRunningNodeRunsTheTier() {
        assertThatThrownBy(() -> NodeFaults.without(NO_LB, NODES, Set.of("c-node-1", "c-node-2", "c-node-3"),
                new Random(1), "c")).isInstanceOf(EngineException.class)
                .hasMessage("node:without:lb: every running node of cluster c runs lb (c-node-1, c-node-2, c-node-3)");
    }
}
