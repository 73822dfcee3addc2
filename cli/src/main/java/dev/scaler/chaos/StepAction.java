package dev.scaler.chaos;

import java.util.List;

/**
 * One action a step can do, declared once: the key users write and how its value is written. The step binder
 * reads the action keys from this table, and the schema generator walks it to write one branch per action.
 */
record StepAction(String key, Written written) {

    /** How the action's value is written. */
    enum Written {
        /** A container target: {@code kill: database.primary}. */
        TARGET,
        /** A mapping of the link and the fault's figures: {@code latency: { link: web -> cache, ms: 200 }}. */
        FIGURES,
        /** The link alone ({@code partition: web -> shard[1]}, {@code heal: all}), or a mapping like FIGURES. */
        LINK_OR_FIGURES,
        /** A cluster node: {@code kill-node: node[2]}, {@code partition-node: node.leader}. */
        NODE
    }

    /** Every action, in the order messages list them. */
    static final List<StepAction> ALL = List.of(
            new StepAction("kill", Written.TARGET),
            new StepAction("stop", Written.TARGET),
            new StepAction("start", Written.TARGET),
            new StepAction("pause", Written.TARGET),
            new StepAction("unpause", Written.TARGET),
            new StepAction("restore", Written.TARGET),
            new StepAction("latency", Written.FIGURES),
            new StepAction("bandwidth", Written.FIGURES),
            new StepAction("timeout", Written.FIGURES),
            new StepAction("reset", Written.LINK_OR_FIGURES),
            new StepAction("partition", Written.LINK_OR_FIGURES),
            new StepAction("slow-close", Written.FIGURES),
            new StepAction("limit-data", Written.FIGURES),
            new StepAction("slicer", Written.FIGURES),
            new StepAction("heal", Written.LINK_OR_FIGURES),
            new StepAction("kill-node", Written.NODE),
            new StepAction("stop-node", Written.NODE),
            new StepAction("pause-node", Written.NODE),
            new StepAction("partition-node", Written.NODE),
            new StepAction("drain-node", Written.NODE));

    /** The keys of the actions written one way or another. */
    static List<String> keys(Written... ways) {
        var wanted = List.of(ways);
        return ALL.stream().filter(a -> wanted.contains(a.written())).map(StepAction::key).toList();
    }
}
