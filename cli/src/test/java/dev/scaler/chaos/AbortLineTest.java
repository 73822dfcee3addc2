package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Abort lines: read with the place of a mistake, and judged on a span of seconds both ways. */
class AbortLineTest {

    @Test
    void aLineIsItsNameASpanAndAComparison() throws Exception {
        var line = AbortLine.parse("  p99 over 5s >= 2s ");
        assertThat(line.line()).isEqualTo("p99");
        assertThat(line.over()).isEqualTo(Duration.ofSeconds(5));
        assertThat(line.comparison()).isEqualTo(">= 2s");
        assertThat(line.text()).isEqualTo("p99 over 5s >= 2s");
        assertThat(line.seconds()).isEqualTo(5);
    }

    @Test
    void mistakesSayWhereTheyStart() {
        assertThat(offset("availabilty over 10s < 50%")).isZero();
        assertThat(offset("availability under 10s < 50%")).isEqualTo(12);
        assertThat(offset("availability over ten < 50%")).isEqualTo(18);
        assertThat(offset("availability over 10s 50%")).isEqualTo(22);
        assertThat(offset("availability over 10s < 50")).isEqualTo(22);
        assertThat(offset("staleReads over 10s > 0")).isZero();
    }

    private static int offset(String text) {
        return catchThrowableOfType(SelectorException.class, () -> AbortLine.parse(text)).offset();
    }

    @Test
    void itTripsWhenItsComparisonHoldsOverTheSpanAndNotOtherwise() throws Exception {
        var line = AbortLine.parse("availability over 2s < 50%");
        assertThat(line.breach(List.of(GuardTest.second(0, 10, 90, 5), GuardTest.second(1, 30, 70, 5))))
                .contains("20.00%");
        assertThat(line.breach(List.of(GuardTest.second(0, 10, 90, 5), GuardTest.second(1, 100, 0, 5))))
                .as("55% over the span").isEmpty();
        assertThat(line.breach(List.of(new dev.scaler.load.Window(0, 0, java.util.Map.of(), 0,
                dev.scaler.load.Window.newHistogram())))).as("no request: nothing to judge").isEmpty();
    }
}
