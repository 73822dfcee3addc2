package dev.scaler.yaml;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One thing wrong with an input file, with where it is and what was expected.
 *
 * <p>{@code toString()} is {@code file:line:column: message}, the form editors and CI logs turn into links.
 * A problem about the file as a whole (it cannot be read, it is too large) has line 0 and prints as
 * {@code file: message}.
 */
public record Problem(Path file, int line, int column, String message) {

    /** By line, then column; problems about the whole file first. */
    public static final Comparator<Problem> BY_POSITION =
            Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

    public Problem {
        if (file == null || message == null) {
            throw new IllegalArgumentException("a problem needs a file and a message");
        }
    }

    public Problem(Path file, Location location, String message) {
        this(file, location.line(), location.column(), message);
    }

    public Location location() {
        return new Location(line, column);
    }

    @Override
    public String toString() {
        return line == 0 ? file + ": " + message : file + ":" + line + ":" + column + ": " + message;
    }
}
