package dev.scaler.chaos;

import dev.scaler.yaml.ListNode;
import dev.scaler.yaml.MapNode;
import dev.scaler.yaml.MapReader;
import dev.scaler.yaml.Node;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.ScalarNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a network action: a mapping of its link and figures ({@code latency: { link: web -> cache, ms: 200 }}),
 * or, for the ones that need nothing but a link, the link alone ({@code partition: web -> shard[1]},
 * {@code heal: all}).
 */
final class NetworkFaultBinder {

    static final List<String> ACTIONS = StepAction.keys(StepAction.Written.FIGURES,
            StepAction.Written.LINK_OR_FIGURES);

    /** The actions that can be written as their link alone. */
    private static final List<String> LINK_ONLY = StepAction.keys(StepAction.Written.LINK_OR_FIGURES);

    private static final String LINK_EXPECTED = "a link such as web -> database.primary";
    private static final int MAX_MS = 600_000;

    private final Selections selections;
    private final Problems problems;

    NetworkFaultBinder(Selections selections, Problems problems) {
        this.selections = selections;
        this.problems = problems;
    }

    /** The action under {@code key} of the step, or empty when it could not be read (the problem is recorded). */
    Optional<Action> bind(MapReader step, String key) {
        Node value = step.node(key).orElseThrow();
        String field = step.field(key);
        if (value instanceof ScalarNode scalar && !scalar.isNull() && LINK_ONLY.contains(key)) {
            if (key.equals("heal") && scalar.text().strip().equals("all")) {
                return Optional.of(Heal.ALL);
            }
            return selections.read(scalar, field, Selectors::link).map(link -> linkOnly(key, link));
        }
        if (!(value instanceof MapNode)) {
            problems.add(value, field + ": expected " + example(key) + ", got " + value.describe());
            return Optional.empty();
        }
        MapReader r = step.mapping(key).orElseThrow();
        Optional<Action> action = key.equals("partition") ? partition(r) : fault(r, key);
        r.rejectUnknown();
        return action;
    }

    private static Action linkOnly(String key, Link link) {
        return switch (key) {
            case "reset" -> new NetworkFault.Reset(link, Duration.ZERO);
            case "partition" -> new NetworkFault.Partition(link);
            default -> new Heal(Optional.of(link));
        };
    }

    private Optional<Action> fault(MapReader r, String key) {
        Optional<Link> link = link(r, key);
        Optional<Action> action = switch (key) {
            case "latency" -> {
                int ms = required(r, key, "ms", 1, MAX_MS, "the delay in milliseconds");
                int jitter = r.integer("jitter", 0, 0, MAX_MS);
                yield link.map(l -> new NetworkFault.Latency(l, Duration.ofMillis(ms), Duration.ofMillis(jitter)));
            }
            case "bandwidth" -> {
                int kbps = required(r, key, "kbps", 1, 10_000_000, "kilobytes per second");
                yield link.map(l -> new NetworkFault.Bandwidth(l, kbps));
            }
            case "timeout" -> {
                int ms = required(r, key, "ms", 0, MAX_MS, "milliseconds until the connection closes, 0 for never");
                yield link.map(l -> new NetworkFault.Timeout(l, Duration.ofMillis(ms)));
            }
            case "reset" -> {
                int ms = r.integer("ms", 0, 0, MAX_MS);
                yield link.map(l -> new NetworkFault.Reset(l, Duration.ofMillis(ms)));
            }
            case "slow-close" -> {
                int ms = required(r, key, "ms", 1, MAX_MS, "how long a closing connection lingers, in milliseconds");
                yield link.map(l -> new NetworkFault.SlowClose(l, Duration.ofMillis(ms)));
            }
            case "limit-data" -> {
                int bytes = required(r, key, "bytes", 1, 1_000_000_000, "bytes after which a connection closes");
                yield link.map(l -> new NetworkFault.LimitData(l, bytes));
            }
            case "slicer" -> {
                int bytes = required(r, key, "bytes", 1, 1_000_000, "the average size of a slice in bytes");
                int variation = r.integer("variation", 0, 0, 1_000_000);
                int micros = r.integer("us", 0, 0, 1_000_000);
                if (variation >= bytes && !r.failed("variation") && !r.failed("bytes")) {
                    r.problem("variation", "the variation must be smaller than bytes (" + bytes + ")");
                }
                yield link.map(l -> new NetworkFault.Slicer(l, bytes, variation, micros));
            }
            default -> link.map(l -> new Heal(Optional.of(l)));
        };
        return action;
    }

    /** A field every such fault needs: reported at the action when missing. */
    private int required(MapReader r, String key, String field, int min, int max, String meaning) {
        if (!r.require(field, r.path() + ": missing required field '" + field + "' (" + meaning + "), like "
                + example(key))) {
            return min;
        }
        return r.integer(field, min, min, max);
    }

    private Optional<Link> link(MapReader r, String key) {
        if (!r.require("link", r.path() + ": missing required field 'link', like " + example(key))) {
            return Optional.empty();
        }
        return r.scalar("link", LINK_EXPECTED).flatMap(node -> selections.read(node, r.field("link"),
                Selectors::link));
    }

    /** {@code { link: ... }} or {@code { between: [dc:a, dc:b] }}. */
    private Optional<Action> partition(MapReader r) {
        if (r.has("link") == r.has("between")) {
            problems.add(r.location(), r.path() + ": expected either link (like web -> shard[1]) or between (like"
                    + " [dc:us-east, dc:eu-west]), " + (r.has("link") ? "not both" : "got neither"));
            return Optional.empty();
        }
        if (r.has("link")) {
            return link(r, "partition").map(NetworkFault.Partition::new);
        }
        Node node = r.node("between").orElseThrow();
        if (!(node instanceof ListNode list) || list.items().size() != 2) {
            r.problem("between", "expected two datacenters, like [dc:us-east, dc:eu-west], got "
                    + (node instanceof ListNode l ? l.items().size() + " items" : node.describe()));
            return Optional.empty();
        }
        var names = new ArrayList<String>();
        for (Node item : list.items()) {
            if (item instanceof ScalarNode s && !s.isNull()) {
                selections.read(s, r.field("between"), Selectors::datacenter).ifPresent(names::add);
            } else {
                problems.add(item, r.field("between") + ": expected a datacenter such as dc:eu-west, got "
                        + item.describe());
            }
        }
        if (names.size() != 2) {
            return Optional.empty();
        }
        if (names.get(0).equals(names.get(1))) {
            problems.add(list.items().get(1), r.field("between") + ": a partition is between two different"
                    + " datacenters, got dc:" + names.get(0) + " twice");
            return Optional.empty();
        }
        return Optional.of(new NetworkFault.Partition(new Link.Between(names.get(0), names.get(1))));
    }

    private static String example(String key) {
        return switch (key) {
            case "latency" -> "latency: { link: web -> cache.primary, ms: 200, jitter: 20 }";
            case "bandwidth" -> "bandwidth: { link: web -> database.primary, kbps: 64 }";
            case "timeout" -> "timeout: { link: web -> cache, ms: 0 }";
            case "reset" -> "reset: web -> cache.primary, or reset: { link: web -> cache.primary, ms: 100 }";
            case "partition" -> "partition: web -> shard[1], or partition: { between: [dc:us-east, dc:eu-west] }";
            case "slow-close" -> "slow-close: { link: web -> database.primary, ms: 2000 }";
            case "limit-data" -> "limit-data: { link: web -> cache, bytes: 1024 }";
            case "slicer" -> "slicer: { link: web -> database.primary, bytes: 64, variation: 32, us: 10 }";
            default -> "heal: web -> cache.primary, or heal: all";
        };
    }
}
