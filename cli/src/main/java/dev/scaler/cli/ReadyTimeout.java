package dev.scaler.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** `--timeout SECONDS` of the commands that start containers and wait for them (up, scale, autoscale). */
final class ReadyTimeout {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long each new container may take to become healthy and ready (default: ${DEFAULT-VALUE}).")
    int seconds;

    Duration duration() {
        return Duration.ofSeconds(seconds);
    }
}
