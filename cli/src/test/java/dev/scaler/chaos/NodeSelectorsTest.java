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
    }

    @Test
    void saysWhereAndWhatWasExpected() {
        assertThatThrownBy(() -> Selectors.node("node[0]")).isInstanceOfSatisfying(SelectorException.class,
                e -> assertThat(e.offset()).isEqualTo(5)).hasMessageContaining("node numbers run from 1");
        assertThatThrownBy(() -> Selectors.node("node:dc:EU")).isInstanceOfSatisfying(SelectorException.class,
                e -> assertThat(e.offset()).isEqualTo(8)).hasMessageContaining("got 'EU'");
        assertThatThrownBy(() -> Selectors.node("  web[1]")).isInstanceOfSatisfying(SelectorException.class,
                e -> assertThat(e.offset()).isEqualTo(2))
                .hasMessage("expected a node such as node[2], node:dc:eu-west or node.leader, got 'web[1]'");
        assertThatThrownBy(() -> Selectors.node("node[*]")).isInstanceOf(SelectorException.class);
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
}
