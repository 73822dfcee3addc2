package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private final StringWriter text = new StringWriter();

    private ProgressPrinter printer(OutputStyle.Mode mode, boolean color) {
        return new ProgressPrinter(new PrintWriter(text), new OutputStyle(mode, color, false));
    }

    private void upOfTwoContainers(ProgressPrinter p) {
        p.step("demo-web-1", "created");
        p.step("demo-lb-1", "created");
        p.step("demo-web-1", "healthy");
        p.step("demo-lb-1", "healthy");
    }

    @Test
    void plainGivesOneTimestampedLinePerStep() {
        upOfTwoContainers(printer(OutputStyle.Mode.PLAIN, false));
        var lines = text.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).matches("\\[ +\\d+\\.\\ds\\] demo-web-1 +healthy");
        assertThat(text.toString()).doesNotContain("\u001b");
    }

    @Test
    void liveKeepsOneLinePerContainerAndRewritesItInPlace() {
        upOfTwoContainers(printer(OutputStyle.Mode.LIVE, false));
        String out = text.toString();
        // Each redraw goes back to the first line (ESC [ N F) and rewrites every line, clearing what was longer.
        assertThat(out).contains("\u001b[1F").contains("\u001b[2F").doesNotContain("\u001b[3F");
        String last = out.substring(out.lastIndexOf("\u001b[2F") + 4);
        assertThat(last.lines().toList()).hasSize(2).satisfiesExactly(
                l -> assertThat(l).contains("demo-web-1").endsWith("healthy\u001b[K"),
                l -> assertThat(l).contains("demo-lb-1").endsWith("healthy\u001b[K"));
        assertThat(out).doesNotContain("\u001b[32m");
    }

    @Test
    void liveColoursFinishedStepsUnlessNoColor() {
        upOfTwoContainers(printer(OutputStyle.Mode.LIVE, true));
        assertThat(text.toString()).contains("\u001b[32mhealthy\u001b[0m");
    }

    @Test
    void aNoteGoesAboveTheLiveLines() {
        var p = printer(OutputStyle.Mode.LIVE, false);
        p.step("scaler/redis:offline", "building");
        p.note("build.sh: importing the base");
        String out = text.toString();
        String afterNote = out.substring(out.indexOf("build.sh: importing"));
        assertThat(afterNote).contains("scaler/redis:offline").contains("building");
    }

    @Test
    void quietPrintsNothing() {
        var p = printer(OutputStyle.Mode.QUIET, false);
        upOfTwoContainers(p);
        p.note("a note");
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void buildScriptLinesBecomeStepsPerImage() {
        assertThat(ImagesCommand.Build.step("build.sh: building scaler/redis:offline (log: /var/cache/scaler/logs/redis.log)"))
                .contains(new ImagesCommand.Build.Step("scaler/redis:offline", "building"));
        assertThat(ImagesCommand.Build.step("cached scaler/haproxy:offline      0.3s"))
                .contains(new ImagesCommand.Build.Step("scaler/haproxy:offline", "cached in 0.3s"));
        assertThat(ImagesCommand.Build.step("built  scaler/webapp:offline      12.5s"))
                .contains(new ImagesCommand.Build.Step("scaler/webapp:offline", "built in 12.5s"));
        assertThat(ImagesCommand.Build.step("build.sh: error: docker is not installed")).isEmpty();
    }
}
