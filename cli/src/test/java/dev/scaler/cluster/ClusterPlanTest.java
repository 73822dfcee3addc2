package dev.scaler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ClusterPlanTest {
    private static ClusterPlan plan(int nodes, OptionalInt managers, List<String> dcs, List<Subnet> taken) {
        return ClusterPlan.of(new ClusterPlan.Request("lab", nodes, managers, dcs), taken);
    }

    private static Subnet cidr(String s) {
        return Subnet.parse(s).orElseThrow();
    }

    @Test
    void threeNodesAreThreeManagersAtFixedAddressesOnTheFirstFreeSubnet() {
        var plan = plan(3, OptionalInt.empty(), List.of(), List.of(cidr("172.17.0.0/16"), cidr("172.29.0.0/24")));
        assertThat(plan.subnet()).hasToString("172.29.1.0/24");
        assertThat(plan.network()).isEqualTo("scaler-cluster-lab");
        assertThat(plan.nodes()).extracting(NodePlan::name).containsExactly("lab-node-1", "lab-node-2", "lab-node-3");
        assertThat(plan.nodes()).extracting(NodePlan::address)
                .containsExactly("172.29.1.11", "172.29.1.12", "172.29.1.13");
        assertThat(plan.managers()).hasSize(3);
        assertThat(plan.workers()).isEmpty();
        assertThat(plan.nodes().get(0).engineHost()).isEqualTo("tcp://172.29.1.11:2375");
    }

    @Test
    void fewerThanThreeNodesHaveOneManagerAndManagersCanBeAsked() {
        assertThat(plan(2, OptionalInt.empty(), List.of(), List.of()).nodes()).extracting(NodePlan::role)
                .containsExactly(NodeRole.MANAGER, NodeRole.WORKER);
        assertThat(plan(5, OptionalInt.of(1), List.of(), List.of()).nodes()).extracting(NodePlan::role)
                .containsExactly(NodeRole.MANAGER, NodeRole.WORKER, NodeRole.WORKER, NodeRole.WORKER,
                        NodeRole.WORKER);
        assertThat(plan(5, OptionalInt.empty(), List.of(), List.of()).managers()).hasSize(3);
    }

    @Test
    void datacentersGoRoundRobinAndLabelTheNodesForPlacement() {
        var plan = plan(4, OptionalInt.empty(), List.of("us-east", "eu-west"), List.of());
        assertThat(plan.nodes()).extracting(NodePlan::datacenter)
                .containsExactly("us-east", "eu-west", "us-east", "eu-west");
        var node = plan.nodes().get(1);
        assertThat(node.swarmLabels()).containsEntry("scaler.datacenter", "eu-west")
                .containsEntry("scaler.role", "manager");
        assertThat(node.containerLabels()).containsEntry("scaler.cluster", "lab").containsEntry("scaler.index", "2")
                .containsEntry("scaler.address", node.address());
        assertThat(plan(2, OptionalInt.empty(), List.of(), List.of()).nodes()).extracting(NodePlan::datacenter)
                .containsOnly("dc1");
    }

    @Test
    void everyProblemOfARequestIsNamedAtOnce() {
        assertThatThrownBy(() -> ClusterPlan.of(new ClusterPlan.Request("Bad_Name", 0, OptionalInt.of(2),
                List.of("a", "a")), List.of()))
                .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).startsWith("cluster name 'Bad_Name'"),
                        p -> assertThat(p).isEqualTo("--nodes 0: expected 1 to 16"),
                        p -> assertThat(p).startsWith("--managers 2: expected 1 to the number of nodes (0)"),
                        p -> assertThat(p).contains("a datacenter is named twice")));
        assertThatThrownBy(() -> plan(2, OptionalInt.of(3), List.of(), List.of()))
                .hasMessageContaining("--managers 3");
        assertThatThrownBy(() -> plan(2, OptionalInt.empty(), List.of("a", "b", "c"), List.of()))
                .hasMessageContaining("3 datacenters for 2 nodes");
    }

    @Test
    void aFullPoolIsAProblemNotAClash() {
        assertThatThrownBy(() -> plan(1, OptionalInt.empty(), List.of(), List.of(cidr("172.16.0.0/12"))))
                .isInstanceOf(ClusterException.class).hasMessageContaining("no free /24 left in 172.29.0.0/16");
    }

    @Test
    void onlyTheClustersOwnNodeNamesCountAsItsCgroups() {
        assertThat(ClusterPlan.isNodeName("lab", "lab-node-3")).isTrue();
        assertThat(ClusterPlan.isNodeName("lab", "lab-node-12")).isTrue();
        assertThat(ClusterPlan.isNodeName("lab", "lab-node-0")).isFalse();
        assertThat(ClusterPlan.isNodeName("lab", "lab-node-3x")).isFalse();
        assertThat(ClusterPlan.isNodeName("lab", "lab2-node-3")).isFalse();
        assertThat(ClusterPlan.isNodeName("l.b", "lab-node-3")).isFalse();
    }
}
