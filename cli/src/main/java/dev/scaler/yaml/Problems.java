package dev.scaler.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in one file, so that the user sees all of them at once rather than one per run.
 * Not thread-safe: one collector per load.
 */
public final class Problems {

    private final String source;
    private final List<Problem> found = new ArrayList<>();

    /** Problems of the input that {@code source} names in messages. */
    public Problems(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    public void add(Location where, String message) {
        found.add(new Problem(source, where, message));
    }

    public void add(Node where, String message) {
        add(where.location(), message);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    /** Every problem so far, by line then column (problems at the same place keep the order they were found). */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(found);
        copy.sort(Problem.BY_POSITION);
        return List.copyOf(copy);
    }
}
