package dev.scaler.report;

import java.util.List;

/** Hypothesis lines that cannot be read; every problem at once, one line each. */
public final class HypothesisException extends RuntimeException {
    private final List<String> problems;

    public HypothesisException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
