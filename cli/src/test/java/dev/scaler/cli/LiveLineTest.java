package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.load.LoadGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LiveLineTest {
    private static final OutputStyle LIVE = new OutputStyle(OutputStyle.Mode.LIVE, true, false);
    private static final OutputStyle PLAIN = new OutputStyle(OutputStyle.Mode.PLAIN, false, false);

    @Test
    void onATerminalTheLineIsRewrittenInPlace() throws Exception {
        var text = new StringWriter();
        var live = new LoadGenerator.Live(3.0, 600, 590, 6, 4, 10, 12.34);
        try (var line = new LiveLine(new PrintWriter(text), () -> live, LIVE)) {
            awaitSomething(text);
        }
        String out = text.toString();
        assertThat(out).startsWith("\r[   3.0s]").contains("\u001b[K").doesNotContain("\n");
        assertThat(out).contains("sent 590").contains("errors 6 (1.68%)").contains("dropped 4").contains("in flight 10")
                .contains("p99 12.3ms");
    }

    @Test
    void withoutATerminalAPlainLineComesOnlyEveryFiveSecondsOfTheRun() throws Exception {
        var text = new StringWriter();
        double[] elapsed = {4.9};
        try (var line = new LiveLine(new PrintWriter(text), () -> new LoadGenerator.Live(elapsed[0], 1, 0, 0, 0, 0,
                Double.NaN), PLAIN)) {
            Thread.sleep(300); // several ticks of the line: none may print before five seconds of the run
            assertThat(text.toString()).isEmpty();
            elapsed[0] = 5.1;
            awaitSomething(text);
        }
        assertThat(text.toString()).isEqualTo(
                "[   5.1s]     0.0 req/s  sent 0  errors 0 (0.00%)  dropped 0  in flight 0  p99 -" + System.lineSeparator());
    }

    @Test
    void beforeTheClockStartsItSaysWarmUp() {
        var line = new LiveLine(new PrintWriter(new StringWriter()), () -> null, PLAIN);
        line.close();
        assertThat(line.line(new LoadGenerator.Live(0, 0, 0, 0, 0, 0, Double.NaN))).contains("warm-up");
    }

    @Test
    void quietPrintsNothing() throws Exception {
        var text = new StringWriter();
        try (var line = new LiveLine(new PrintWriter(text), () -> new LoadGenerator.Live(6, 1, 1, 0, 0, 0, 1.0),
                new OutputStyle(OutputStyle.Mode.QUIET, false, false))) {
            Thread.sleep(300);
        }
        assertThat(text.toString()).isEmpty();
    }

    /** Polls until the line has printed something (a hang guard of 5 s, not a speed claim). */
    private static void awaitSomething(StringWriter text) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (text.toString().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
