package dev.scaler.chaos;

import dev.scaler.yaml.Location;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.ScalarNode;
import java.util.List;
import java.util.Optional;

/**
 * Reads the targets and links written in a file, reporting a bad one at the character where its bad part
 * starts: the scalar's column plus the offset {@link SelectorException} gives (plus one when the value is quoted,
 * since the tree locates a quoted scalar at its quote). A value not written as it reads, on one line (a plain
 * value folded over two lines, escapes in quotes), is reported at its start instead: an offset into it is no column.
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
            problems.add(where(node, e.offset()), field + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Location where(ScalarNode node, int offset) {
        Location at = node.location();
        if (at.line() < 1 || at.line() > lines.size()) {
            return at;
        }
        String line = lines.get(at.line() - 1);
        if (at.column() - 1 > line.codePointCount(0, line.length())) {
            return at;
        }
        int start = line.offsetByCodePoints(0, at.column() - 1); // columns count code points
        boolean quoted = start < line.length() && (line.charAt(start) == '"' || line.charAt(start) == '\'');
        String text = node.text();
        if (!line.startsWith(text, quoted ? start + 1 : start) || offset > text.length()) {
            return at;
        }
        return new Location(at.line(), at.column() + (quoted ? 1 : 0) + text.codePointCount(0, offset));
    }
}
