package dev.scaler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.load.FailureKind;
import dev.scaler.load.Verification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Swarm did with a run's tasks: on the timeline, in the text and the HTML report, and never a fault. */
class TaskMovesReportTest {
    @Test
    void lostAndMovedTasksAreListedAndDrawnButAreNoFault() {
        var events = List.of(Event.fault(2.0, "kill-node", "node:without:lb"),
                new Event(5.5, Event.TASK, "lost", "p-web-2", "on p-node-3"),
                new Event(7.0, Event.TASK, "moved", "p-web-2", "p-node-3 -> p-node-1"),
                new Event(9.0, Event.TASK, "back", "p-db-1", "on p-node-3"));
        var report = Analysis.analyse(new Run(Timelines.info(Map.of()), events,
                Timelines.outage(10, 50, 2, 4, FailureKind.TIMEOUT, 2000), Verification.NONE, List.of()));
        assertThat(report.faults()).singleElement().satisfies(f -> assertThat(f.action()).isEqualTo("kill-node"));
        assertThat(TextReport.render(report)).contains("tasks on the swarm")
                .containsPattern("5\\.5s +p-web-2 +lost on p-node-3")
                .containsPattern("7\\.0s +p-web-2 +moved p-node-3 -> p-node-1");
        String html = HtmlReport.render(report);
        assertThat(html).contains("<h2>Tasks on the swarm</h2>").contains("<code>p-db-1</code></td><td>back on p-node-3")
                .contains("p-web-2 \u2192 p-node-1</text>").contains("p-db-1 \u2192 p-node-3</text>")
                .doesNotContain("p-web-2 \u2192 on");

        var none = Analysis.analyse(new Run(Timelines.info(Map.of()), List.of(),
                Timelines.outage(10, 50, 2, 4, FailureKind.TIMEOUT, 2000), Verification.NONE, List.of()));
        assertThat(TextReport.render(none)).doesNotContain("tasks on the swarm");
        assertThat(HtmlReport.render(none)).doesNotContain("Tasks on the swarm");
    }
}
