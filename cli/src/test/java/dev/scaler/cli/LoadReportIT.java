package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** `scaler load` for 10 s against a real web tier (offline images), then `scaler report` in all five formats. */
class LoadReportIT extends ProjectIT {
    private static final String PROJECT = "m-it-load";

    @Override
    String project() {
        return PROJECT;
    }

    @Test
    void loadAgainstARealWebTierThenReportInEveryFormat() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = dir.resolve(PROJECT + ".yaml");
        Files.writeString(file, "name: " + PROJECT + "\nimages: offline\nloadBalancer: { port: " + port + " }\n"
                + "web: { replicas: 2, sessions: redis }\ncache: { kind: redis, replicas: 0, sentinels: 0 }\n");
        var up = Scaler.run("up", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();

        // A journey this web tier (no database) cannot serve is refused before anything is sent.
        var refused = Scaler.run("load", file.toString(), "--duration", "1s", "--journeys", "browse=80,write=20");
        assertThat(refused.code()).as(refused.transcript()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("write needs a database or shards").contains("(browse=60,login=10)");
        assertThat(dir.resolve(".scaler/runs")).doesNotExist();

        // The default journeys are those it can serve: every request of them succeeds.
        var load = Scaler.run("load", file.toString(), "--rate", "50", "--duration", "10s",
                "--users", "20", "--seed", "11", "--hypothesis", "availability=>= 99%",
                "--hypothesis", "lostSessions=0", "--hypothesis", "p99=<= 2s");
        assertThat(load.code()).as(load.transcript()).isZero();
        assertThat(load.out()).contains("journeys browse=60,login=10,");
        assertThat(load.out()).contains("seed 11").contains("http://127.0.0.1:" + port + "/")
                .contains("PASSED: every hypothesis line held (3)");
        // Without a terminal the live line is a plain line every 5 s.
        assertThat(load.out()).containsPattern("\\[ +5\\.\\ds\\] .*req/s .*p99").doesNotContain("\r");

        var json = Scaler.run("report", "--format", "json");
        assertThat(json.code()).as(json.transcript()).isZero();
        var doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(doc.path("run").path("project").asText()).isEqualTo(PROJECT);
        assertThat(doc.path("whole").path("attempts").asLong()).isGreaterThanOrEqualTo(500);
        assertThat(doc.path("whole").path("availability").asDouble()).isGreaterThanOrEqualTo(0.99);
        assertThat(doc.path("windows")).hasSize(10);

        var table = Scaler.run("report", "--format", "table");
        assertThat(table.code()).as(table.transcript()).isZero();
        assertThat(table.out()).contains("availability").contains("PASS  availability >= 99%");

        var junit = Scaler.run("report", "--format", "junit");
        assertThat(junit.code()).as(junit.transcript()).isZero();
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();

        Path html = dir.resolve("report.html");
        var h = Scaler.run("report", "--format", "html", "--out", html.toString());
        assertThat(h.code()).as(h.transcript()).isZero();
        HtmlAssert.selfContained(Files.readString(html));

        var md = Scaler.run("report", "--format", "markdown");
        assertThat(md.code()).as(md.transcript()).isZero();
        assertThat(md.out()).contains(": PASS").contains("| availability |");

        // The same run judged by a line it cannot meet: exit 1.
        assertThat(Scaler.run("report", "--hypothesis", "p50=<= 0ms").code()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);

        var down = Scaler.run("down", PROJECT);
        assertThat(down.code()).as(down.transcript()).isZero();
    }

    @Test
    void ctrlCDuringLoadStoresWhatWasMeasuredAndExits4() throws Exception {
        try (var fixture = new dev.scaler.load.NotesFixture(dev.scaler.load.NotesFixture.Mode.HONEST)) {
            var process = Scaler.start(dir.resolve(".scaler"), dir.resolve("load.log"), "load", "--target",
                    fixture.uri().toString(), "--rate", "100", "--duration", "60s", "--journeys", "browse=1",
                    "--warmup", "0s");
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (fixture.requestCount() < 150 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Scaler.interrupt(process);
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                // Where it hangs is what a failure here must show: the threads, then the process is ended.
                Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
                var dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                        .redirectErrorStream(true).start();
                String threads = new String(dump.getInputStream().readAllBytes());
                process.destroyForcibly();
                throw new AssertionError("no exit 30 s after SIGINT; its output:\n"
                        + Files.readString(dir.resolve("load.log")) + "\nits threads:\n" + threads);
            }
            String log = Files.readString(dir.resolve("load.log"));
            assertThat(process.exitValue()).as(log).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(log).contains("interrupted; what was measured until then is stored");
            var report = Scaler.run("report", "--format", "json");
            assertThat(report.code()).as(report.transcript()).isZero();
            var doc = new ObjectMapper().readTree(report.out());
            assertThat(doc.path("whole").path("attempts").asLong()).isEqualTo(fixture.requestCount());
            assertThat(doc.path("windows").size()).isBetween(2, 10);
        }
    }
}
