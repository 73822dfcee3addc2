package dev.scaler.engine;

import java.util.List;

/** A container did not become ready; carries its name, what Docker said, and its last log lines. */
public final class UnhealthyException extends EngineException {
    private final String container;
    private final List<String> lastLogLines;

    public UnhealthyException(String container, String state, List<String> lastLogLines) {
        super(container + " did not become healthy (" + state + ")",
                "nothing this command created was kept");
        this.container = container;
        this.lastLogLines = List.copyOf(lastLogLines);
    }

    /** The container that failed. */
    public String container() {
        return container;
    }

    /** What it printed last. */
    public List<String> lastLogLines() {
        return lastLogLines;
    }
}
