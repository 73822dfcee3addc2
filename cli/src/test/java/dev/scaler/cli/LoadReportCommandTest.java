package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.load.NotesFixture;
import dev.scaler.load.NotesFixture.Mode;
import dev.scaler.state.RunStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `scaler load` against a loopback fixture of the web app, then `scaler report` in every format. */
class LoadReportCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void state() {
        System.setProperty("scaler.stateDir", dir.resolve(".scaler").toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("scaler.stateDir");
    }

    private static Scaler.Result load(NotesFixture fixture, String... extra) {
        var args = new java.util.ArrayList<>(List.of("load", "--target", fixture.uri().toString(), "--rate", "200",
                "--duration", "1s", "--journeys", "browse=30,login=10,write=40,read=20", "--users", "10", "--seed", "3"));
        args.addAll(List.of(extra));
        return Scaler.run(args.toArray(String[]::new));
    }

    private String onlyRun() throws Exception {
        try (var runs = Files.list(dir.resolve(".scaler/runs"))) {
            return runs.findFirst().orElseThrow().getFileName().toString();
        }
    }

    @Test
    void aRunIsStoredWithEveryFileAndItsSeedAndReportsInEveryFormat() throws Exception {
        try (var fixture = new NotesFixture(Mode.HONEST)) {
            var r = load(fixture, "--hypothesis", "lostWrites=0", "--hypothesis", "availability=>= 99%");
            assertThat(r.code()).as(r.transcript()).isZero();
            assertThat(r.out()).contains("seed 3").contains("PASS  lostWrites 0").contains("availability  ");
            String id = onlyRun();
            assertThat(id).matches("\\d{8}T\\d{6}Z-[0-9a-f]{4}");
            Path run = dir.resolve(".scaler/runs").resolve(id);
            for (String f : List.of(RunStore.INFO, RunStore.EVENTS, RunStore.WINDOWS, RunStore.HISTOGRAMS, RunStore.LEDGER,
                    RunStore.VERIFICATION, RunStore.SUMMARY)) {
                assertThat(run.resolve(f)).as(f).isNotEmptyFile();
            }
            var summary = new ObjectMapper().readTree(run.resolve(RunStore.SUMMARY).toFile());
            assertThat(summary.path("schemaVersion").asInt()).isEqualTo(2);
            assertThat(summary.path("run").path("seed").asLong()).isEqualTo(3);
            assertThat(summary.path("whole").path("attempts").asLong()).isGreaterThanOrEqualTo(200);
            assertThat(summary.path("consistency").path("acknowledgedWrites").asLong()).isPositive();
            assertThat(Files.readString(run.resolve(RunStore.HISTOGRAMS))).contains("#[StartTime:").contains("HISTF");
            assertThat(Files.readAllLines(run.resolve(RunStore.EVENTS))).hasSize(2).first().asString().contains("\"start\"");

            var table = Scaler.run("report");
            assertThat(table.code()).as(table.transcript()).isZero();
            assertThat(table.out()).contains("run " + id).contains("baseline").contains("PASS");

            var json = Scaler.run("report", "--run", id, "--format", "json");
            assertThat(json.code()).isZero();
            var doc = new ObjectMapper().readTree(json.out());
            assertThat(doc.path("schemaVersion").asInt()).isEqualTo(2);
            assertThat(doc.path("verdict").asText()).isEqualTo("passed");
            assertThat(doc.path("whole").path("availability").asDouble()).isEqualTo(1.0);
            assertThat(doc.path("phases")).hasSize(3);
            assertThat(doc.path("windows")).hasSize(1);
            assertThat(doc.path("whole").path("latency").path("p99").asDouble())
                    .isEqualTo(summary.path("whole").path("latency").path("p99").asDouble());

            var junit = Scaler.run("report", "--format", "junit");
            assertThat(junit.code()).isZero();
            var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
            assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(2);
            assertThat(xml.getElementsByTagName("failure").getLength()).isZero();

            var md = Scaler.run("report", "--format", "markdown");
            assertThat(md.out()).startsWith("### scaler run `" + id + "`: PASSED").contains("| availability |");

            Path html = dir.resolve("out/report.html");
            var h = Scaler.run("report", "--format", "html", "--out", html.toString());
            assertThat(h.code()).as(h.transcript()).isZero();
            assertThat(h.out()).contains("wrote the report");
            HtmlAssert.selfContained(Files.readString(html));
        }
    }

    @Test
    void lostWritesFailTheHypothesisWithExitOneAndJunitSaysWhich() throws Exception {
        try (var fixture = new NotesFixture(Mode.LOSE_WRITES)) {
            var r = load(fixture, "--hypothesis", "lostWrites=0", "--hypothesis", "p99=<= 10s");
            assertThat(r.code()).as(r.transcript()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
            assertThat(r.out()).contains("FAIL  lostWrites 0").contains("PASS  p99 <= 10s").contains("DEVIATED: 1 of 2");
            var junit = Scaler.run("report", "--format", "junit");
            assertThat(junit.code()).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
            var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
            assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
            assertThat(xml.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue())
                    .startsWith("lostWrites 0 failed: observed " + fixture.droppedWritesCount());
            // The same run judged by another line from the command line.
            assertThat(Scaler.run("report", "--hypothesis", "lostWrites=<= 100000").code()).isZero();
        }
    }

    @Test
    void compareShowsTwoRunsSideBySide() throws Exception {
        try (var fixture = new NotesFixture(Mode.HONEST)) {
            assertThat(load(fixture).code()).isZero();
            Thread.sleep(1100); // ids sort by the second
            var second = Scaler.run("load", "--target", fixture.uri().toString(), "--rate", "300", "--duration", "1s",
                    "--journeys", "browse=1", "--seed", "4");
            assertThat(second.code()).as(second.transcript()).isZero();
            var ids = new RunStore(dir.resolve(".scaler/runs")).ids();
            var c = Scaler.run("report", "--compare", ids.get(0), "latest");
            assertThat(c.code()).as(c.transcript()).isZero();
            assertThat(c.out()).contains("A " + ids.get(0)).contains("B " + ids.get(1)).contains("availability")
                    .contains("p99");
            var json = new ObjectMapper().readTree(Scaler.run("report", "--compare", ids.get(0), ids.get(1), "--format",
                    "json").out());
            assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(json.path("figures").get(0).path("figure").asText()).isEqualTo("requests");
            assertThat(Scaler.run("report", "--compare", ids.get(0), ids.get(1), "--format", "html").code())
                    .isEqualTo(ExitCode.BAD_INPUT);
        }
    }

    @Test
    void stagesRampTheRateAndTheReportShowsTheTargetPerSecond() throws Exception {
        try (var fixture = new NotesFixture(Mode.HONEST)) {
            var r = Scaler.run("load", "--target", fixture.uri().toString(), "--stages", "2s:200,1s:200,1s:0",
                    "--journeys", "browse=1", "--seed", "5", "--warmup", "0s");
            assertThat(r.code()).as(r.transcript()).isZero();
            assertThat(r.out()).contains("stages 2s:200,1s:200,1s:0 (peak 200/s, 4s)");
            var doc = new ObjectMapper().readTree(Scaler.run("report", "--format", "json").out());
            assertThat(doc.path("run").path("stages")).hasSize(3);
            var windows = doc.path("windows");
            assertThat(windows).hasSize(4);
            // 0 -> 200/s over 2 s: 50 then 150 arrivals; 200 held; 200 -> 0 over 1 s: 100
            assertThat(windows.findValuesAsText("targetRate")).containsExactly("50.0", "150.0", "200.0", "100.0");
            for (int s = 0; s < 4; s++) {
                // browse only: one request per arrival, so each second holds what its rate scheduled (within one)
                assertThat(windows.get(s).path("attempts").asDouble())
                        .isCloseTo(windows.get(s).path("targetRate").asDouble(), org.assertj.core.api.Assertions.within(1.0));
            }
            Path html = dir.resolve("ramp.html");
            assertThat(Scaler.run("report", "--format", "html", "--out", html.toString()).code()).isZero();
            assertThat(Files.readString(html)).contains("target arrival rate (stages 2s:200,1s:200,1s:0)")
                    .contains("<polyline class=\"target\"");
        }
    }

    @Test
    void badInputExitsTwoAndSaysWhy() {
        var noRun = Scaler.run("report");
        assertThat(noRun.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noRun.err()).contains("no run is stored");
        var unknown = Scaler.run("report", "--run", "20990101T000000Z-0000");
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("no run '20990101T000000Z-0000'");
        var format = Scaler.run("report", "--format", "pdf");
        assertThat(format.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(format.err()).contains("pdf");
        var rate = Scaler.run("load", "--target", "http://127.0.0.1:9/", "--rate", "fast");
        assertThat(rate.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rate.err()).contains("--rate must be");
        var mix = Scaler.run("load", "--target", "http://127.0.0.1:9/", "--journeys", "brose=1");
        assertThat(mix.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(mix.err()).contains("unknown journey 'brose'");
        var line = Scaler.run("load", "--target", "http://127.0.0.1:9/", "--hypothesis", "p99=500");
        assertThat(line.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(line.err()).contains("hypothesis p99: '500' needs a unit");
        var both = Scaler.run("load", "--target", "http://127.0.0.1:9/", "--rate", "5", "--stages", "1s:5");
        assertThat(both.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(both.err()).contains("give --rate and --duration, or --stages, not both");
        var stages = Scaler.run("load", "--target", "http://127.0.0.1:9/", "--stages", "30s:50,60s");
        assertThat(stages.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(stages.err()).contains("--stages: '60s' is not DURATION:RATE; expected stages DURATION:RATE");
        var target = Scaler.run("load", "--target", "ftp://x", "--duration", "1s");
        assertThat(target.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(target.err()).contains("--target must be an http:// URL");
        assertThat(dir.resolve(".scaler/runs")).doesNotExist();
    }
}
