package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeSelectorsTest {
    @Test
    void readsTheThreeWaysToNameANode() throws SelectorException {
        assertThat(Selectors.node("node[2]")).isEqualTo(new NodeTarget.Numbered(2));
        assertThat(Selectors.node(" node:dc:eu-west ")).isEqualTo(new NodeTarget.InDatacenter("eu-west"));
        assertThat(Selectors.node("node.leader")).isEqualTo(new NodeTarget.Leader());
        assertThat(Selectors.node("node[12]").text()).isEqualTo("node[12]");
        assertThat(Selectors.node("node:dc:us-east").text()).isEqualTo("node:dc:us-east");
        assertThat(Selectors.node("node:without:lb")).isEqualTo(new NodeTarget.Without(dev.scaler.plan.Tier.LB));
        assertThat(Selectors.node("node:without:web").text()).isEqualTo("node:without:web");
    }

    @Test
    void saysWhereAndWhatWasExpected() {
        assertThatThrownBy(() -> Selectors.node("node[0]")).isInstanceOfSatisfying(SelectorException.class,
                e -> assertThat(e.offset()).isEqualTo(5)).hasMessageContaining("node numbers run from 1");
        assertThatThrownBy(() -> Selectors.node("node:dc:EU")).isInstanceOfSatisfying(SelectorException.class,
                e -> assertThat(e.offset()).isEqualTo(8)).hasMessageContaining("got 'EU'");
        assertThatThrownBy(() -> Selectors.node("  web[1]")).isInstanceOfSatisfying(SelectorException.class,
                e -> assertThat(e.offset()).isEqualTo(2))
                .hasMessage("expected a node such as node[2], node:dc:eu-west, node.leader or node:without:lb, got 'web[1]'");
        assertThatThrownBy(() -> Selectors.node("node[*]")).isInstanceOf(SelectorException.class);
        assertThatThrownBy(() -> Selectors.node("node:without:entry")).isInstanceOfSatisfying(SelectorException.class,
                e -> assertThat(e.offset()).isEqualTo(13)).hasMessageContaining("expected a tier (lb, web,")
                .hasMessageContaining("got 'entry'");
    }

    @Test
    void everyKeyNamesItsAction() {
        for (String key : NodeAction.KEYS) {
            assertThat(NodeAction.of(key, new NodeTarget.Leader()).keyword()).isEqualTo(key);
        }
        assertThat(NodeAction.of("partition-node", new NodeTarget.Numbered(1)))
                .isInstanceOf(NodeAction.PartitionNode.class);
        assertThatThrownBy(() -> NodeAction.of("kill", new NodeTarget.Leader()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExperimentWritesNodeActionsAsStepsThatAreAlwaysRolledBack() {
        var e = Experiments.ok("""
                name: nodes
                load: { duration: 60s }
                steps:
                  - at: 10s
                    kill-node: node[3]
                  - at: 20s
                    partition-node: node.leader
                  - at: 30s
                    drain-node: node:dc:eu-west
                """);
        assertThat(e.steps()).extracting(s -> s.action()).containsExactly(
                new NodeAction.KillNode(new NodeTarget.Numbered(3)),
                new NodeAction.PartitionNode(new NodeTarget.Leader()),
                new NodeAction.DrainNode(new NodeTarget.InDatacenter("eu-west")));
        assertThat(e.steps()).allSatisfy(s -> assertThat(Schedule.rolledBack(s.action())).isTrue());
    }

    @Test
    void aBadNodeOrAFieldANodeActionTakesNotIsAProblemAtItsPlace() {
        Experiments.only("""
                name: nodes
                steps:
                  - at: 1s
                    kill-node: web[1]
                """, 4, 16, "steps[0].kill-node: expected a node such as node[2], node:dc:eu-west, node.leader or node:without:lb");
        Experiments.only("""
                name: nodes
                steps:
                  - at: 1s
                    pause-node: node[1]
                    rollback: leave
                """, 5, 15, "a node fault is always undone at the rollback");
    }
}
