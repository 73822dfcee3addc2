package dev.scaler.yaml;

/**
 * A YAML value with the place it was written. There are no Java nulls in a tree: an empty value ({@code key:}
 * or {@code ~}) is a {@link ScalarNode} whose {@link ScalarNode#isNull()} is true.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    Location location();

    /** How the node reads in a message: {@code 'three'}, {@code nothing}, {@code a list}, {@code a mapping}. */
    String describe();
}
