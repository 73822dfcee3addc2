package dev.scaler.yaml;

import java.util.Comparator;

/**
 * One thing wrong with an input file, with where it is and what was expected. {@code source} names the input in
 * messages (the file's path as the user wrote it, or e.g. {@code built-in kill-web}).
 *
 * <p>{@code toString()} is {@code file:line:column: message}, the form editors and CI logs turn into links.
 * A problem about the file as a whole (it cannot be read, it is too large) has line 0 and prints as
 * {@code file: message}.
 */
public record Problem(String source, int line, int column, String message) {

    /** By line, then column; problems about the whole file first. */
    public static final Comparator<Problem> BY_POSITION =
            Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

    public Problem {
        if (source == null || message == null) {
            throw new IllegalArgumentException("a problem needs a source and a message");
        }
    }

    public Problem(String source, Location location, String message) {
        this(source, location.line(), location.column(), message);
    }

    public Location location() {
        return new Location(line, column);
    }

    @Override
    public String toString() {
        return line == 0 ? source + ": " + message : source + ":" + line + ":" + column + ": " + message;
    }
}
