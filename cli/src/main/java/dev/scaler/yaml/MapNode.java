package dev.scaler.yaml;

import java.util.List;
import java.util.Optional;

/** A mapping, its entries in file order, keys unique (the tree builder reports and drops duplicates). */
public record MapNode(List<MapNode.Entry> entries, Location location) implements Node {

    /** One key of a mapping, with where the key was written (for "unknown field" and "duplicate key"). */
    public record Entry(String key, Location keyLocation, Node value) {
    }

    public MapNode {
        entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    public Optional<Node> get(String key) {
        return entry(key).map(Entry::value);
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
