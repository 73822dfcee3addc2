package dev.scaler.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HypothesisTest {

    private static Hypothesis.Line line(String name, String expression) {
        return Hypothesis.parseLine(name, expression);
    }

    @Test
    void theLinesOfTheExperimentFormatParse() {
        assertThat(line("availability", ">= 99%")).satisfies(l -> {
            assertThat(l.op()).isEqualTo(">=");
            assertThat(l.threshold()).isEqualTo(99.0);
        });
        assertThat(line("p99", "<= 500ms").threshold()).isEqualTo(500.0);
        assertThat(line("p99", "<1.5s").threshold()).isEqualTo(1500.0);
        assertThat(line("recovery", "<= 10s").threshold()).isEqualTo(10_000.0);
        assertThat(line("lostWrites", "0")).satisfies(l -> {
            assertThat(l.op()).isEqualTo("<=");
            assertThat(l.holds(0)).isTrue();
            assertThat(l.holds(1)).isFalse();
        });
        assertThat(line("staleReads", "== 0").holds(0)).isTrue();
        assertThat(line("availability", "99.9%").holds(99.95)).isTrue();
        assertThat(line("availability", "99.9%").holds(99.85)).isFalse();
    }

    @Test
    void mistakesAreNamedWithAnExample() {
        assertThatThrownBy(() -> line("p99", "<= 500")).hasMessage(
                "hypothesis p99: '<= 500' needs a unit: ms, s or m (e.g. \"<= 500ms\")");
        assertThatThrownBy(() -> line("availability", ">= 99")).hasMessage(
                "hypothesis availability: '>= 99' needs a % (e.g. \">= 99%\")");
        assertThatThrownBy(() -> line("lostWrites", "none")).hasMessage(
                "hypothesis lostWrites: 'none' is not a comparison; write it like 0 or \"<= 3\"");
        assertThatThrownBy(() -> line("lostWrites", "1.5")).hasMessageContaining("must be a whole number");
        assertThatThrownBy(() -> line("lostWrite", "0")).hasMessageStartingWith(
                "hypothesis: unknown line 'lostWrite' (did you mean 'lostWrites'?); the lines are availability, assetAvailability, faultAvailability, p50");
        assertThatThrownBy(() -> line("p99", "<= 5 hours")).hasMessageContaining("unknown unit 'hours'; use ms, s or m");
        assertThatThrownBy(() -> line("p99", "fast")).hasMessageContaining("is not a comparison");
        assertThatThrownBy(() -> line("availability", ">= 101%")).hasMessageContaining("above 100%");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var lines = new LinkedHashMap<String, String>();
        lines.put("p99", "500");
        lines.put("lostWrits", "0");
        lines.put("availability", ">= 99%");
        assertThatThrownBy(() -> Hypothesis.parse(lines)).isInstanceOfSatisfying(HypothesisException.class,
                e -> assertThat(e.problems()).hasSize(2));
        assertThat(Hypothesis.parse(Map.of("availability", ">= 99%"))).hasSize(1);
    }
}
