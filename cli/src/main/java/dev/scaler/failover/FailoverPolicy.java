package dev.scaler.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, from one round of probes, whether a group's primary is dead and what to do.
 * Pure: the agent probes and acts; this class only reasons, so every rule is unit-tested.
 *
 * <p>The rules follow Orchestrator: a primary is dead only when the agent cannot reach it for
 * {@code detection} AND no reachable replica still has a running I/O thread to it (holistic
 * detection); the most advanced replica by GTID is promoted; after a promotion, automatic
 * recoveries of the group are blocked for {@code blockPeriod} (anti-flapping); a node that
 * comes back writable while another is primary is fenced and re-pointed.
 */
public record FailoverPolicy(boolean automatic, Duration detection, Duration blockPeriod) {

    /**
     * The defaults used by the agent: a primary unreachable for 1 s (two probe rounds) is dead if its
     * replicas agree; repeated failovers of a group are blocked for 30 s.
     */
    public static FailoverPolicy defaults(boolean automatic) {
        return new FailoverPolicy(automatic, Duration.ofMillis(1000), Duration.ofSeconds(30));
    }

    /**
     * What to do now.
     *
     * @param primary the node currently believed to be primary
     * @param views the latest probe of every node of the group
     * @param unreachableSince when the primary was first seen unreachable in a row, if it is
     * @param lastPromotion when this group last had a promotion, if ever
     */
    public Decision decide(String primary, List<NodeView> views, Optional<Instant> unreachableSince,
            Optional<Instant> lastPromotion, Instant now, Positions positions) {
        NodeView p = views.stream().filter(v -> v.name().equals(primary)).findFirst()
                .orElse(NodeView.unreachable(primary));
        if (p.reachable()) {
            return healthy(p, views);
        }
        if (unreachableSince.isEmpty() || Duration.between(unreachableSince.get(), now).compareTo(detection) < 0) {
            return new Decision.Suspect(primary, "unreachable for less than " + detection.toMillis() + " ms");
        }
        var replicas = views.stream().filter(v -> !v.name().equals(primary) && v.reachable()).toList();
        var stillConnected = replicas.stream()
                .filter(v -> v.replicating().map(l -> l.source().equals(primary) && l.ioRunning()).orElse(false))
                .map(NodeView::name).toList();
        if (!stillConnected.isEmpty()) {
            return new Decision.Suspect(primary, "unreachable from the agent, but " + String.join(", ", stillConnected)
                    + " still replicate from it");
        }
        if (!automatic) {
            return new Decision.Stuck(primary, "failover is manual: run `scaler failover`");
        }
        if (lastPromotion.isPresent() && Duration.between(lastPromotion.get(), now).compareTo(blockPeriod) < 0) {
            return new Decision.Stuck(primary, "a promotion happened less than " + blockPeriod.toSeconds()
                    + " s ago; automatic failover is blocked to avoid flapping");
        }
        return choose(primary, replicas, positions)
                .<Decision>map(c -> new Decision.Promote(primary, c, others(replicas, c)))
                .orElseGet(() -> new Decision.Stuck(primary, replicas.isEmpty() ? "no replica is reachable"
                        : "no replica has every transaction the others have (diverged GTIDs)"));
    }

    /** The replica to promote among reachable ones: the most advanced by GTID. */
    public static Optional<String> choose(String primary, List<NodeView> replicas, Positions positions) {
        Map<String, String> byNode = new LinkedHashMap<>();
        replicas.stream().filter(v -> !v.name().equals(primary) && v.reachable())
                .forEach(v -> byNode.put(v.name(), v.gtidPosition()));
        return byNode.isEmpty() ? Optional.empty() : positions.mostAdvanced(byNode);
    }

    private static List<String> others(List<NodeView> replicas, String candidate) {
        return replicas.stream().map(NodeView::name).filter(n -> !n.equals(candidate)).toList();
    }

    private static Decision healthy(NodeView p, List<NodeView> views) {
        String primary = p.name();
        var fence = new ArrayList<String>();
        var repoint = new ArrayList<String>();
        for (NodeView v : views) {
            if (v.name().equals(primary) || !v.reachable()) {
                continue;
            }
            if (v.writable()) {
                // A second writable node (an old primary back from the dead) must never take writes.
                fence.add(v.name());
            }
            if (v.replicating().map(l -> !l.source().equals(primary)).orElse(true)) {
                repoint.add(v.name());
            }
        }
        boolean open = !p.writable() && p.replicating().isEmpty();
        return new Decision.Healthy(primary, open, fence, repoint);
    }
}
