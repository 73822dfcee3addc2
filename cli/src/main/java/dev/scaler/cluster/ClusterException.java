package dev.scaler.cluster;

import java.util.List;

/** What is wrong with a cluster request, every problem at once; nothing was made. */
public final class ClusterException extends RuntimeException {
    private final List<String> problems;

    public ClusterException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line each. */
    public List<String> problems() {
        return problems;
    }
}
