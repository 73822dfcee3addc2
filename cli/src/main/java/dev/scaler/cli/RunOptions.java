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

    @Option(names = "--generators", paramLabel = "N", defaultValue = "1",
            description = "Send from N generator containers on the project's network (scaler's own jar), each with its "
                    + "share of the rate, its own seed and users; their figures are merged exactly (default: "
                    + "${DEFAULT-VALUE}: this process sends).")
    int generators;

    /** The options, checked: a usage error names the option that is wrong. */
    record Checked(Duration warmup, double steadyState, double slo, Duration sampleInterval, int generators) {
    }

    Checked check() {
        if (generators < 1 || generators > dev.scaler.load.GeneratorJob.MAX) {
            throw new UsageException("--generators must be between 1 and " + dev.scaler.load.GeneratorJob.MAX
                    + ", not " + generators);
        }
        return new Checked(durationOrZero("--warmup", warmup), Options.percent("--steady-state", steadyState),
                Options.percent("--slo", slo), durationOrZero("--sample-interval", sampleInterval), generators);
    }

    private static Duration durationOrZero(String option, String text) {
        return text.strip().matches("0+(ms|s|m|h)?") ? Duration.ZERO : Options.duration(option, text);
    }
}
