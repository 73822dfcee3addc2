package dev.scaler.chaos;

/**
 * Which cluster node a node action acts on, parsed by {@link Selectors#node}: {@code node[N]} (the N-th node of
 * `scaler cluster up`), {@code node:dc:NAME} (one node of that datacenter, chosen at random), {@code node.leader}
 * (the manager that leads the swarm when the step runs), {@code node:without:TIER} (one running node that runs no
 * container of the project's tier, chosen at random).
 */
public sealed interface NodeTarget {

    /** The canonical spelling. */
    String text();

    /** {@code node[N]}. */
    record Numbered(int number) implements NodeTarget {
        @Override
        public String text() {
            return "node[" + number + "]";
        }
    }

    /** {@code node:dc:NAME}. */
    record InDatacenter(String datacenter) implements NodeTarget {
        @Override
        public String text() {
            return "node:dc:" + datacenter;
        }
    }

    /** {@code node.leader}. */
    record Leader() implements NodeTarget {
        @Override
        public String text() {
            return "node.leader";
        }
    }

    /** {@code node:without:TIER}: a node whose death takes none of that tier with it, e.g. no entry point. */
    record Without(dev.scaler.plan.Tier tier) implements NodeTarget {
        @Override
        public String text() {
            return "node:without:" + tier.label();
        }
    }
}
