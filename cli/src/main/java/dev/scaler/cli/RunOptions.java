package dev.scaler.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every measured run shares (`scaler load`, `scaler chaos`): warm-up, recovery bar, SLO, sampling. */
final class RunOptions {
    @Option(names = "--warmup", paramLabel = "D", defaultValue = "1s",
            description = "Unmeasured GET /whoami before the clock starts, so connections are open and code is compiled "
                    + "(at the rate, at most 500/s; 0s for none; default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--steady-state", paramLabel = "PCT", defaultValue = "99%",
            description = "Availability a window needs to count as recovered (default: ${DEFAULT-VALUE}).")
    String steadyState;

    @Option(names = "--slo", paramLabel = "PCT", defaultValue = "99.9%",
            description = "Availability objective for the error budget (default: ${DEFAULT-VALUE}).")
    String slo;

    @Option(names = "--sample-interval", paramLabel = "D", defaultValue = "1s",
            description = "How often every container's vital signs are sampled into the run (samples.jsonl), when the "
                    + "load goes to a project; 0s for never (default: ${DEFAULT-VALUE}).")
    String sampleInterval;

    /** The options, checked: a usage error names the option that is wrong. */
    record Checked(Duration warmup, double steadyState, double slo, Duration sampleInterval) {
    }

    Checked check() {
        return new Checked(durationOrZero("--warmup", warmup), Options.percent("--steady-state", steadyState),
                Options.percent("--slo", slo), durationOrZero("--sample-interval", sampleInterval));
    }

    private static Duration durationOrZero(String option, String text) {
        return text.strip().matches("0+(ms|s|m|h)?") ? Duration.ZERO : Options.duration(option, text);
    }
}
