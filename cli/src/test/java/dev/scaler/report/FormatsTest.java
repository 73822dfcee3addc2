package dev.scaler.report;

import dev.scaler.state.RunStore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.load.FailureKind;
import dev.scaler.load.LedgerEntry;
import dev.scaler.load.LoadResult;
import dev.scaler.load.Verification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format of one synthetic run with a fault, and the run directory read back as it was written. */
class FormatsTest {
    private static Report report() {
        var lines = new LinkedHashMap<String, String>();
        lines.put("availability", ">= 99%");
        lines.put("recovery", "<= 10s");
        lines.put("p99", "<= 500ms");
        var windows = Timelines.outage(30, 100, 10.0, 13.0, FailureKind.REFUSED, 4_000);
        return Analysis.analyse(new Run(Timelines.info(lines), List.of(new Event(0, Event.START, "", "", ""),
                Event.fault(10.0, "kill", "web[1]"), new Event(20.0, Event.RESTORE, "restore", "web[1]", "")), windows,
                Verification.NONE));
    }

    @Test
    void htmlIsOneSelfContainedFileWithTheFaultsOnEveryTimeline() {
        String html = HtmlReport.render(report());
        dev.scaler.cli.HtmlAssert.selfContained(html);
        assertThat(html.split("class=\"fault-line\"", -1)).as("the fault on three timelines").hasSize(4);
        assertThat(html.split("class=\"heal-line\"", -1)).hasSize(4);
        assertThat(html).contains("kill web[1]").contains(">3.0s</td>").contains("FAIL");
    }

    @Test
    void junitHasOneTestCasePerLineAndAFailureForEachLineThatFailed() throws Exception {
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitReport.render(report()).getBytes(StandardCharsets.UTF_8)));
        var cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        assertThat(cases.item(0).getAttributes().getNamedItem("name").getNodeValue()).isEqualTo("availability >= 99%");
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    }

    @Test
    void tableAndMarkdownShowPhasesFaultsAndVerdict() {
        var r = report();
        String table = TextReport.render(r);
        assertThat(table).contains("whole").contains("baseline").contains("fault").contains("recovery")
                .contains("kill web[1]").contains("recovered in 3.0s").contains("FAIL  availability >= 99%")
                .contains("PASS  recovery <= 10s").contains("refused").contains("DEVIATED: 2 of 3 hypothesis lines failed");
        String md = MarkdownReport.render(r);
        assertThat(md).startsWith("### scaler run `20261125T161500Z-ab12`: DEVIATED").contains("| availability |")
                .contains("- fault `kill web[1]` at 10.0s: recovered in 3.0s").contains("**FAIL**");
    }

    @Test
    void jsonNamesAreStable() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RunStore.json(report()));
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(iterable(json.fieldNames())).containsExactly("schemaVersion", "run", "whole", "phases", "faults",
                "consistency", "errorBudget", "hypothesis", "verdict", "windows", "events", "vitals", "datacenters",
                "assets", "guardrails", "generators", "jobs");
        assertThat(iterable(json.path("vitals").fieldNames())).containsExactly("samples", "meanCostMs", "maxCostMs",
                "series", "roleChanges");
        assertThat(iterable(json.path("whole").fieldNames())).containsExactly("phase", "from", "to", "windows", "attempts",
                "successes", "failed", "failures", "dropped", "availability", "throughput", "latency");
        assertThat(json.path("faults").get(0).path("recoverySeconds").asDouble()).isEqualTo(3.0);
        assertThat(json.path("whole").path("failures").path("refused").asLong()).isEqualTo(300);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        var out = new java.util.ArrayList<String>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void aStoredRunReadsBackToTheSameReport(@TempDir Path dir) {
        var store = new RunStore(dir.resolve("runs"));
        var windows = Timelines.outage(12, 50, 3.0, 5.5, FailureKind.TIMEOUT, 7_321);
        RunInfo info = Timelines.info(Map.of("lostWrites", "0"));
        store.create(info);
        store.append(info.id(), Event.fault(3.0, "pause", "lb"));
        store.append(info.id(), Event.heal(5.5, "lb"));
        var verification = new Verification(3, 2, 0, List.of(), 1, 0, List.of());
        store.finish(info, new LoadResult(Instant.parse("2026-11-25T16:15:00Z"), 12.0, windows,
                List.of(new LedgerEntry("u1", "n1", 1, 0.5)), verification));
        Report direct = Analysis.analyse(new Run(info, List.of(Event.fault(3.0, "pause", "lb"), Event.heal(5.5, "lb")),
                windows, verification));
        Report stored = Analysis.analyse(store.load("latest"));
        assertThat(RunStore.json(stored)).isEqualTo(RunStore.json(direct));
        assertThat(store.resolve("20261125")).isEqualTo(info.id());
    }
}
