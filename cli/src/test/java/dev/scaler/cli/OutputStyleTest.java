package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputStyleTest {
    private static final OutputStyle.Flags NONE = OutputStyle.Flags.of(false, false);

    @Test
    void aTerminalGetsLiveLinesInColour() {
        var style = OutputStyle.of(NONE, true, Map.of("TERM", "xterm-256color"));
        assertThat(style).isEqualTo(new OutputStyle(OutputStyle.Mode.LIVE, true, false));
    }

    @Test
    void withoutATerminalLinesArePlainAndColourless() {
        assertThat(OutputStyle.of(NONE, false, Map.of())).isEqualTo(new OutputStyle(OutputStyle.Mode.PLAIN, false, false));
    }

    @Test
    void ciIsALogEvenOnATerminal() {
        assertThat(OutputStyle.of(NONE, true, Map.of("CI", "true")).mode()).isEqualTo(OutputStyle.Mode.PLAIN);
        assertThat(OutputStyle.of(NONE, true, Map.of("CI", "1")).color()).isFalse();
        assertThat(OutputStyle.of(NONE, true, Map.of("CI", "false")).mode()).isEqualTo(OutputStyle.Mode.LIVE);
        assertThat(OutputStyle.of(NONE, true, Map.of("CI", "")).mode()).isEqualTo(OutputStyle.Mode.LIVE);
    }

    @Test
    void noColorKeepsLiveLinesButDropsColour() {
        var style = OutputStyle.of(NONE, true, Map.of("NO_COLOR", "1"));
        assertThat(style.mode()).isEqualTo(OutputStyle.Mode.LIVE);
        assertThat(style.color()).isFalse();
        assertThat(OutputStyle.of(NONE, true, Map.of("NO_COLOR", "")).color()).as("empty means unset").isTrue();
    }

    @Test
    void aDumbTerminalCannotRedrawLines() {
        assertThat(OutputStyle.of(NONE, true, Map.of("TERM", "dumb")).mode()).isEqualTo(OutputStyle.Mode.PLAIN);
    }

    @Test
    void quietAndVerboseWinOverTheTerminal() {
        assertThat(OutputStyle.of(OutputStyle.Flags.of(true, false), true, Map.of()).mode())
                .isEqualTo(OutputStyle.Mode.QUIET);
        var verbose = OutputStyle.of(OutputStyle.Flags.of(false, true), true, Map.of());
        assertThat(verbose.mode()).isEqualTo(OutputStyle.Mode.PLAIN);
        assertThat(verbose.verbose()).isTrue();
        assertThat(verbose.color()).as("plain lines on a terminal may still be coloured").isTrue();
    }

    @Test
    void quietAndVerboseTogetherAreAUsageError() {
        assertThatThrownBy(() -> OutputStyle.Flags.of(true, true)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--quiet and --verbose");
    }
}
