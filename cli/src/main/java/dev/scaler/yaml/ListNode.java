package dev.scaler.yaml;

import java.util.List;

/** A sequence. */
public record ListNode(List<Node> items, Location location) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
