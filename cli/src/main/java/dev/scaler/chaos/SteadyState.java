package dev.scaler.chaos;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the baseline must show before the first fault: the {@code lines} (hypothesis lines a span of seconds can
 * answer) must hold over {@code span} seconds in a row, found within {@code within} of the load's start; otherwise
 * nothing is injected and the run's verdict is failed-precondition.
 */
public record SteadyState(Map<String, String> lines, Duration span, Duration within) {
    /** How long the lines must hold in a row when the file does not say. */
    public static final Duration DEFAULT_SPAN = Duration.ofSeconds(5);

    public SteadyState {
        lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        if (span.compareTo(within) > 0) {
            throw new IllegalArgumentException("the span of the steady state is at most its 'within'");
        }
    }
}
