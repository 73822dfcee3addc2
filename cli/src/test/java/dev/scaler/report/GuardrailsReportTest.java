package dev.scaler.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaler.load.FailureKind;
import dev.scaler.load.Verification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The verdict from a run's guardrail events, in every format: passed, deviated, aborted, failed-precondition. */
class GuardrailsReportTest {
    private static final Guards GUARDS = new Guards(Map.of("availability", ">= 99%"), 5, 8,
            List.of("availability over 3s < 50%"));

    private static Report report(Map<String, String> hypothesis, Event... guardrailEvents) {
        var info = Timelines.info(hypothesis);
        info = new RunInfo(info.schemaVersion(), info.id(), "chaos", info.project(), info.targets(), info.rate(),
                info.durationSeconds(), info.journeys(), info.timeoutMillis(), info.seed(), info.maxInFlight(),
                info.users(), info.startedAt(), info.seconds(), info.steadyState(), info.slo(), info.hypothesis(),
                "it", GUARDS);
        var events = new ArrayList<>(List.of(guardrailEvents));
        events.add(0, new Event(0, Event.START, "", "", ""));
        var windows = Timelines.outage(30, 100, 10.0, 13.0, FailureKind.REFUSED, 4_000);
        return Analysis.analyse(new Run(info, events, windows, Verification.NONE));
    }

    private static final Event MET = new Event(7.2, Event.STEADY_STATE, Event.MET, "",
            "availability >= 99%: 100.00% over 0s..5s");

    private static Report aborted() {
        return report(Map.of("lostWrites", "0"), MET, Event.fault(10.0, "kill", "web[1]"),
                new Event(14.5, Event.ABORT, "abort", "availability over 3s < 50%", "0.00% over 10s..13s"),
                new Event(14.7, Event.RESTORE, "kill", "web[1]", "started x (aborted: availability over 3s < 50%)"),
                new Event(14.75, Event.ROLLED_BACK, "", "", "every fault undone"));
    }

    private static Report failedPrecondition() {
        return report(Map.of("lostWrites", "0"), new Event(8.2, Event.STEADY_STATE, Event.NOT_MET, "",
                "availability >= 99%: 90.00% over 3s..8s, within 8s"));
    }

    private static Document junit(Report r) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitReport.render(r).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theVerdictComesFromTheGuardrailsFirstThenTheLines() {
        var fault = Event.fault(10.0, "kill", "web[1]");
        var abort = new Event(11, Event.ABORT, "abort", "x", "");
        var notMet = new Event(8, Event.STEADY_STATE, Event.NOT_MET, "", "");
        var held = List.of(new Report.Check("p99", "<= 1s", "1ms", true));
        var failed = List.of(new Report.Check("p99", "<= 1s", "2s", false));
        assertThat(Verdict.of(List.of(fault), held)).isEqualTo(Verdict.PASSED);
        assertThat(Verdict.of(List.of(fault), failed)).isEqualTo(Verdict.DEVIATED);
        assertThat(Verdict.of(List.of(fault, abort), held)).isEqualTo(Verdict.ABORTED);
        assertThat(Verdict.of(List.of(notMet, abort), held)).isEqualTo(Verdict.FAILED_PRECONDITION);
        assertThat(Verdict.of(List.of(), List.of())).isEqualTo(Verdict.NONE);
        assertThat(Verdict.parse("failed-precondition")).isEqualTo(Verdict.FAILED_PRECONDITION);
    }

    @Test
    void anAbortedRunSaysWhichLineTrippedAndHowLongTheRollbackTookInEveryFormat() throws Exception {
        var r = aborted();
        assertThat(r.verdict()).isEqualTo("aborted");
        var a = r.guardrails().abort();
        assertThat(a.tripped()).isTrue();
        assertThat(a.at()).isEqualTo(14.5);
        assertThat(a.rolledBackAt()).isEqualTo(14.75);
        assertThat(a.rollbackSeconds()).isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.guardrails().steadyState().outcome()).isEqualTo("met");

        assertThat(TextReport.render(r)).contains("steady state met at 7.2s (5.0s in a row within 8.0s)")
                .contains("abort line tripped at 14.5s: availability over 3s < 50% (observed 0.00% over 10s..13s);"
                        + " every fault rolled back 0.25s later, at 14.8s")
                .contains("ABORTED: an abort line tripped (availability over 3s < 50%)");
        assertThat(MarkdownReport.render(r)).startsWith("### scaler run `20261125T161500Z-ab12`: ABORTED")
                .contains("- abort line tripped at 14.5s");
        assertThat(HtmlReport.render(r)).contains("<div class=\"badge aborted\">ABORTED</div>")
                .contains("<h2>Guardrails</h2>");
        var json = new ObjectMapper().readTree(dev.scaler.state.RunStore.json(r));
        assertThat(json.path("verdict").asText()).isEqualTo("aborted");
        assertThat(json.path("guardrails").path("abort").path("rollbackSeconds").asDouble()).isEqualTo(0.25);
        assertThat(json.path("guardrails").path("abort").path("line").asText()).isEqualTo("availability over 3s < 50%");
        assertThat(json.path("guardrails").path("steadyState").path("outcome").asText()).isEqualTo("met");

        var xml = junit(r);
        var failures = xml.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        assertThat(failures.item(0).getAttributes().getNamedItem("type").getNodeValue()).isEqualTo("aborted");
        assertThat(xml.getElementsByTagName("testcase").getLength()).as("steady state, abort lines, lostWrites")
                .isEqualTo(3);
    }

    @Test
    void aRunWhoseSteadyStateWasNotMetFailsThePreconditionAndSkipsItsLines() throws Exception {
        var r = failedPrecondition();
        assertThat(r.verdict()).isEqualTo("failed-precondition");
        assertThat(TextReport.render(r)).contains("steady state NOT met (5.0s in a row within 8.0s): availability"
                + " >= 99%: 90.00% over 3s..8s, within 8s; nothing was injected")
                .contains("abort lines watched, none tripped").contains("FAILED-PRECONDITION");
        assertThat(MarkdownReport.render(r)).contains("`: FAILED-PRECONDITION");
        assertThat(HtmlReport.render(r)).contains("badge failed-precondition");
        var xml = junit(r);
        assertThat(xml.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("type").getNodeValue())
                .isEqualTo("failed-precondition");
        assertThat(xml.getElementsByTagName("skipped").getLength()).as("the lostWrites line, not judged").isEqualTo(1);
    }

    @Test
    void aRunWithoutLinesIsJudgedInJunitByItsAvailabilityAgainstTheSlo() throws Exception {
        var good = Analysis.analyse(new Run(Timelines.info(Map.of()), List.of(), Timelines.outage(10, 100, 20.0, 21.0,
                FailureKind.REFUSED, 1_000), Verification.NONE));
        var bad = Analysis.analyse(new Run(Timelines.info(Map.of()), List.of(), Timelines.outage(10, 100, 2.0, 3.0,
                FailureKind.REFUSED, 1_000), Verification.NONE));
        assertThat(good.verdict()).isEqualTo("none");
        var cases = junit(good).getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(1);
        assertThat(cases.item(0).getAttributes().getNamedItem("name").getNodeValue())
                .startsWith("availability >= 99.90% (the SLO");
        assertThat(junit(good).getElementsByTagName("failure").getLength()).isZero();
        assertThat(junit(bad).getElementsByTagName("failure").item(0).getTextContent()).contains("observed 90.00%");
    }
}
