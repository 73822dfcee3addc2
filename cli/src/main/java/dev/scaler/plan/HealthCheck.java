package dev.scaler.plan;

import java.time.Duration;
import java.util.List;

/** A Docker health check: the command run inside the container and its timing. */
public record HealthCheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
    /**
     * How often Docker runs a check once the container is up. Each check is an exec, about 110-145 ms of the
     * engine's CPU (docs/monitoring.md); at one a second, the 28 containers of two small projects kept both cores of
     * the test machine busy before any request. `up` does not wait for Docker's verdict: it runs the check itself
     * while the container starts (engine.Apply), so a long interval costs no start-up time.
     */
    public static final Duration INTERVAL = Duration.ofSeconds(10);

    public HealthCheck {
        test = List.copyOf(test);
    }

    /** A check that asks an HTTP path inside the container with bash's /dev/tcp, so images need no curl. */
    public static HealthCheck http(int port, String path) {
        String script = "exec 3<>/dev/tcp/127.0.0.1/" + port
                + " && printf 'GET " + path + " HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3"
                + " && read -r status <&3 && [[ $status == *' 200'* ]]";
        return new HealthCheck(List.of("CMD", "bash", "-c", script), INTERVAL, Duration.ofSeconds(2), 3,
                Duration.ofSeconds(30));
    }

    /** A check that runs a command inside the container. */
    public static HealthCheck command(String... command) {
        var test = new java.util.ArrayList<String>();
        test.add("CMD");
        test.addAll(List.of(command));
        return new HealthCheck(test, INTERVAL, Duration.ofSeconds(2), 3, Duration.ofSeconds(30));
    }

    /** The command alone, for display. */
    public String display() {
        return String.join(" ", test.subList(1, test.size()));
    }
}
