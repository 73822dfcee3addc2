package dev.scaler.plan;

import java.time.Duration;
import java.util.List;

/** A Docker health check: the command run inside the container and its timing. */
public record HealthCheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {

    public HealthCheck {
        test = List.copyOf(test);
    }

    /** A check that asks an HTTP path inside the container with bash's /dev/tcp, so images need no curl. */
    public static HealthCheck http(int port, String path) {
        String script = "exec 3<>/dev/tcp/127.0.0.1/" + port
                + " && printf 'GET " + path + " HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3"
                + " && read -r status <&3 && [[ $status == *' 200'* ]]";
        return new HealthCheck(List.of("CMD", "bash", "-c", script), Duration.ofSeconds(1), Duration.ofSeconds(2), 3,
                Duration.ofSeconds(30));
    }

    /** A check that runs a command inside the container. */
    public static HealthCheck command(String... command) {
        var test = new java.util.ArrayList<String>();
        test.add("CMD");
        test.addAll(List.of(command));
        return new HealthCheck(test, Duration.ofSeconds(1), Duration.ofSeconds(2), 3, Duration.ofSeconds(30));
    }

    /** The command alone, for display. */
    public String display() {
        return String.join(" ", test.subList(1, test.size()));
    }
}
