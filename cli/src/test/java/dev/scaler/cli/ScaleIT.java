package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.provision.RuntimeApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** `scaler scale` on a running web tier under a steady stream of GETs and POSTs: no request may fail. */
class ScaleIT extends ProjectIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    String project() {
        return "it-scale";
    }

    @Test
    void scalesUpAndDownUnderLoadWithoutAFailedRequestAndTouchesNothingElse() throws Exception {
        Path file = dir.resolve("it-scale.yaml");
        Files.writeString(file, "name: it-scale\nimages: offline\nloadBalancer: { port: " + port + " }\n"
                + "web: { replicas: 2 }\ncache: {}\n");
        var up = Scaler.run("up", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();
        String lb = docker.container("it-scale-lb-1").id();
        String cache = docker.container("it-scale-cache-1").id();

        Traffic traffic = new Traffic(port, 4);
        try (traffic) {
            var grow = Scaler.run("scale", "it-scale", "web=4");
            assertThat(grow.code()).as(grow.transcript()).isZero();
            assertThat(grow.out()).contains("web 2 -> 4 replicas").contains("2 added");
            assertThat(instances(40)).as(this::slots).containsExactlyInAnyOrder("it-scale-web-1", "it-scale-web-2",
                    "it-scale-web-3", "it-scale-web-4");

            var shrink = Scaler.run("scale", "it-scale", "web=1");
            assertThat(shrink.code()).as(shrink.transcript()).isZero();
            assertThat(shrink.out()).contains("web 4 -> 1 replicas").contains("3 drained and removed");
            assertThat(instances(10)).as(this::slots).containsExactly("it-scale-web-1");

            // The drained slots were set ready again: replicas that DNS puts there later get traffic. One slot is
            // drained by hand, as a scale killed between drain and release would leave it: the next replica that
            // DNS puts there is set ready rather than left out of rotation.
            String empty = balancer().slots().stream().filter(s -> s.address().isEmpty()).findFirst().orElseThrow()
                    .name();
            balancer().state(empty, "drain");
            var again = Scaler.run("scale", "it-scale", "web=3");
            assertThat(again.code()).as(again.transcript()).isZero();
            assertThat(instances(40)).as(this::slots).hasSize(3);
        }
        assertThat(traffic.sent()).as("requests sent during the scaling").isGreaterThan(100);
        assertThat(traffic.failures()).as("failed of %d requests", traffic.sent()).isEmpty();
        assertThat(docker.container("it-scale-lb-1").id()).as("the load balancer is the same container").isEqualTo(lb);
        assertThat(docker.container("it-scale-cache-1").id()).isEqualTo(cache);

        var same = Scaler.run("scale", "it-scale", "web=3");
        assertThat(same.out()).as(same.transcript()).contains("nothing to change");
        var bad = Scaler.run("scale", "it-scale", "web=65");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("1 to 64");

        var down = Scaler.run("down", "it-scale");
        assertThat(down.code()).as(down.transcript()).isZero();
        var gone = Scaler.run("scale", "it-scale", "web=2");
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.err()).contains("no record of how it-scale was brought up");
    }

    /**
     * The replicas that answered {@code requests} sequential GETs. A pause of 0-2 ms before each breaks the lockstep
     * that round-robin and the four back-to-back traffic clients could fall into, which would let this client's
     * requests land on the same slots every time. The slot table of the load balancer is in the description.
     */
    private Set<String> instances(int requests) throws Exception {
        var seen = new TreeSet<String>();
        var random = new java.util.Random(requests);
        for (int i = 0; i < requests; i++) {
            Thread.sleep(Duration.ofNanos(random.nextInt(2_000_000)));
            var answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            seen.add(answer.headers().firstValue("X-Scaler-Instance").orElseThrow());
        }
        return seen;
    }

    /** The load balancer's web slots as HAProxy reports them, for a failure's description. */
    private String slots() {
        return balancer().slots().stream()
                .filter(s -> !s.address().isEmpty()).map(Object::toString)
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The runtime API of the project's load balancer. */
    private RuntimeApi balancer() {
        return new RuntimeApi(docker.container("it-scale-lb-1").networks().values().iterator().next());
    }
}
