package dev.scaler.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guardrails a chaos run was given, as run.json records them: the steady-state lines its baseline had to meet
 * for {@code forSeconds} in a row, within {@code withinSeconds} of the start, before the first fault; and the abort
 * lines watched every second. Empty lines and no abort lines: no guardrails (a load run, an older run).
 */
public record Guards(Map<String, String> steadyState, double forSeconds, double withinSeconds, List<String> abort) {
    public static final Guards NONE = new Guards(Map.of(), 0, 0, List.of());

    public Guards {
        steadyState = steadyState == null ? new LinkedHashMap<>() : new LinkedHashMap<>(steadyState);
        abort = abort == null ? List.of() : List.copyOf(abort);
    }

    public boolean hasSteadyState() {
        return !steadyState.isEmpty();
    }
}
