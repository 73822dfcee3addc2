package dev.scaler.swarm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Follows where each task of a project runs, one look at the swarm after another, and says when a task stopped
 * running (Swarm counted its node down, or it failed) and when it ran again, on which node. The first look only
 * learns where things are.
 */
public final class Rescheduling {
    /** What happened to a task between two looks. */
    public enum Kind {
        /** It no longer runs anywhere. */
        LOST,
        /** It runs again, on another node than before. */
        MOVED,
        /** It runs again, on the node it ran on. */
        BACK;

        /** The word the timeline uses: lost, moved, back. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One change: the task's name ({@code web-2}, {@code db-router-1}), the node before and after. */
    public record Change(String task, Kind kind, String from, String to) {
        /** For people: {@code on node-3}, {@code node-3 -> node-1}. */
        public String detail() {
            return kind == Kind.MOVED ? from + " -> " + to : "on " + (kind == Kind.LOST ? from : to);
        }
    }

    private final Map<String, String> lastNode = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    private boolean looked;

    /** What changed since the last look, given the node each running task is on now; in task order. */
    public List<Change> look(Map<String, String> placements) {
        var changes = new ArrayList<Change>();
        if (looked) {
            for (String task : new java.util.TreeSet<>(running)) {
                if (!placements.containsKey(task)) {
                    changes.add(new Change(task, Kind.LOST, lastNode.get(task), ""));
                }
            }
            new TreeMap<>(placements).forEach((task, node) -> {
                String before = lastNode.get(task);
                if (before == null) {
                    return; // a task that did not exist at the first look (a scale-up) has not moved
                }
                if (!node.equals(before)) {
                    changes.add(new Change(task, Kind.MOVED, before, node));
                } else if (!running.contains(task)) {
                    changes.add(new Change(task, Kind.BACK, before, node));
                }
            });
        }
        looked = true;
        running.clear();
        running.addAll(placements.keySet());
        lastNode.putAll(placements);
        return changes;
    }
}
