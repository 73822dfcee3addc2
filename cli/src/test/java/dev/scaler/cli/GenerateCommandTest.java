package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.load.FailureKind;
import dev.scaler.load.Window;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A generator's settled window, printed as one line and read back by the tool, is the same window. */
class GenerateCommandTest {

    @Test
    void aSettledWindowSurvivesItsLineExactly() throws Exception {
        var latency = Window.newHistogram();
        for (long v = 100; v < 2_000_000; v = v * 3 / 2 + 7) {
            latency.recordValue(v);
        }
        var window = new Window(7, 41, Map.of(FailureKind.TIMEOUT, 2L, FailureKind.SERVER_ERROR, 1L), 3, latency);
        String line = GenerateCommand.SETTLED + new ObjectMapper().writeValueAsString(GenerateCommand.settled(window));
        assertThat(line).doesNotContain("\n");

        Window back = GenerateCommand.window(new ObjectMapper().readTree(line.substring(GenerateCommand.SETTLED.length())));
        assertThat(back.second()).isEqualTo(7);
        assertThat(back.successes()).isEqualTo(41);
        assertThat(back.dropped()).isEqualTo(3);
        assertThat(back.failures()).isEqualTo(window.failures());
        assertThat(back.latency()).isEqualTo(latency);
        assertThat(back.latency().getValueAtPercentile(99)).isEqualTo(latency.getValueAtPercentile(99));
    }
}
