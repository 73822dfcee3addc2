package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.topology.HealthCheck;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GlobalLbConfigTest {
    private static final HealthCheck HC = new HealthCheck("/healthz", Duration.ofSeconds(1), 2, 1);
    private static final GlobalLbConfig.Site EAST = new GlobalLbConfig.Site("us-east", 8080,
            List.of("p-us-east-lb-1", "p-us-east-lb-2"), Optional.of("p-db-router-in-us-east:3306"));
    private static final GlobalLbConfig.Site WEST = new GlobalLbConfig.Site("eu-west", 8081,
            List.of("p-eu-west-lb-1"), Optional.of("p-eu-west-link-db-router:3306"));
    private static final GlobalLbConfig.Site ASIA = new GlobalLbConfig.Site("ap-south", 8082,
            List.of("p-ap-south-lb-1"), Optional.empty());

    @Test
    void eachDatacentersUsersGoHomeWhileItCanServeAndWriteThenToTheOthersInOrder() {
        String text = GlobalLbConfig.render(List.of(EAST, WEST, ASIA), HC, 8080);
        String west = section(text, "frontend dc-eu-west");
        assertThat(west).contains("bind :8081");
        assertThat(west.lines().filter(l -> l.contains("use_backend")).toList()).containsExactly(
                "    use_backend eu-west if { nbsrv(eu-west) gt 0 } { nbsrv(eu-west-writes) gt 0 }",
                "    use_backend us-east if { nbsrv(us-east) gt 0 } { nbsrv(us-east-writes) gt 0 }",
                "    use_backend ap-south if { nbsrv(ap-south) gt 0 }");
        assertThat(west).contains("default_backend eu-west");
    }

    @Test
    void aDatacenterIsItsLoadBalancersCheckedOnTheHealthPathAndSaysWhoServed() {
        String east = section(GlobalLbConfig.render(List.of(EAST, WEST), HC, 8080), "\nbackend us-east\n");
        assertThat(east).contains("option httpchk GET /healthz")
                .contains("http-response set-header X-Scaler-Datacenter us-east")
                .contains("server lb-1 p-us-east-lb-1:8080").contains("server lb-2 p-us-east-lb-2:8080")
                .contains("check inter 1000ms").contains("fall 2 rise 1");
    }

    @Test
    void writesAreCheckedByThePrimarysGreetingThroughTheDatacentersOwnPath() {
        String text = GlobalLbConfig.render(List.of(EAST, WEST), HC, 8080);
        assertThat(section(text, "backend eu-west-writes")).contains("option mysql-check")
                .contains("server primary p-eu-west-link-db-router:3306 check");
        assertThat(text).contains("timeout check 1s").contains("frontend monitor");
    }

    /** From the line that starts with {@code header} to the next blank line. */
    private static String section(String text, String header) {
        int start = text.indexOf(header);
        assertThat(start).as(header).isNotNegative();
        int end = text.indexOf("\n\n", start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
