package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.report.Report;
import dev.scaler.report.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's verdict decides the exit code of chaos, load and report. */
class ExitCodeTest {
    private static int code(Verdict verdict) {
        var report = new Report(Report.SCHEMA_VERSION, null, null, List.of(), List.of(), null, null, List.of(),
                verdict.text(), List.of(), List.of(), null, List.of(), List.of(), Report.Guardrails.NONE, List.of(),
                Report.Jobs.NONE);
        return ExitCode.of(report);
    }

    @Test
    void eachVerdictHasItsCode() {
        assertThat(code(Verdict.PASSED)).isEqualTo(ExitCode.OK);
        assertThat(code(Verdict.NONE)).isEqualTo(ExitCode.OK);
        assertThat(code(Verdict.DEVIATED)).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
        assertThat(code(Verdict.ABORTED)).isEqualTo(ExitCode.HYPOTHESIS_FAILED);
        assertThat(code(Verdict.FAILED_PRECONDITION)).isEqualTo(ExitCode.FAILED_PRECONDITION).isEqualTo(5);
    }
}
