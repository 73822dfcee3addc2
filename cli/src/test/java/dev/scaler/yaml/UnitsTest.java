package dev.scaler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Durations} and {@link Sizes}. */
class UnitsTest {

    @Test
    void durations() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("1s")).contains(Duration.ofSeconds(1));
        assertThat(Durations.parse("2m")).contains(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
        assertThat(Durations.parse("0ms")).contains(Duration.ZERO);
        assertThat(Durations.parse("1S")).contains(Duration.ofSeconds(1));
        assertThat(Durations.parse("1")).isEmpty();
        assertThat(Durations.parse("1.5s")).isEmpty();
        assertThat(Durations.parse("-1s")).isEmpty();
        assertThat(Durations.parse("1m30s")).isEmpty();
        assertThat(Durations.parse("9999999999s")).isEmpty();
    }

    @Test
    void durationsFormatBackToWhatParses() {
        assertThat(Durations.format(Duration.ofMillis(100))).isEqualTo("100ms");
        assertThat(Durations.format(Duration.ofSeconds(60))).isEqualTo("60s");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofHours(24))).isEqualTo("24h");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void sizes() {
        assertThat(Sizes.parse("64mb")).hasValue(64L << 20);
        assertThat(Sizes.parse("1GB")).hasValue(1L << 30);
        assertThat(Sizes.parse("512kb")).hasValue(512L << 10);
        assertThat(Sizes.parse("64")).isEmpty();
        assertThat(Sizes.parse("64m")).isEmpty();
        assertThat(Sizes.parse("1.5gb")).isEmpty();
        assertThat(Sizes.format(64L << 20)).isEqualTo("64mb");
        assertThat(Sizes.format(16L << 30)).isEqualTo("16gb");
        assertThat(Sizes.format(1536L << 10)).isEqualTo("1536kb");
    }
}
