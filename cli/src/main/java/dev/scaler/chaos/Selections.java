package dev.scaler.chaos;

import dev.scaler.yaml.Location;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.ScalarNode;
import java.util.List;
import java.util.Optional;

/**
 * Reads the targets and links written in a file, reporting a bad one at the character where its bad part
 * starts: the scalar's column plus the offset {@link SelectorException} gives (plus one when the value is quoted,
 * since the tree locates a quoted scalar at its quote).
 */
final class Selections {

    /** What a parse of one selector does; a {@link SelectorException} becomes a located problem. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws SelectorException;
    }

    private final List<String> lines;
    private final Problems problems;

    Selections(String text, Problems problems) {
        this.lines = text.lines().toList();
        this.problems = problems;
    }

    /** The parsed selector, or empty after reporting {@code field: message} where the bad part starts. */
    <T> Optional<T> read(ScalarNode node, String field, Parser<T> parser) {
        try {
            return Optional.of(parser.parse(node.text()));
        } catch (SelectorException e) {
            Location at = node.location();
            problems.add(new Location(at.line(), at.column() + (quoted(at) ? 1 : 0) + e.offset()),
                    field + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private boolean quoted(Location at) {
        if (at.line() < 1 || at.line() > lines.size()) {
            return false;
        }
        String line = lines.get(at.line() - 1);
        int index = at.column() - 1;
        return index >= 0 && index < line.length() && (line.charAt(index) == '"' || line.charAt(index) == '\'');
    }
}
