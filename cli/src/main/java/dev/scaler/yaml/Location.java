package dev.scaler.yaml;

/** A position in a text file, both counted from 1 (line 0 means "the file as a whole"). */
public record Location(int line, int column) implements Comparable<Location> {

    /** The start of the file. */
    public static final Location START = new Location(1, 1);

    /** For problems about the file itself (cannot be read, too large), which have no line. */
    public static final Location FILE = new Location(0, 0);

    @Override
    public int compareTo(Location other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
