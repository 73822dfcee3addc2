package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.EngineIT;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `up`, `status`, `down` against the real engine with the offline images (built by `scaler images build`). */
class WebTierIT extends EngineIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    private Docker docker;
    private final List<String> projects = new java.util.ArrayList<>();

    @BeforeEach
    void engine() {
        docker = new Docker();
        System.setProperty("scaler.stateDir", dir.resolve(".scaler").toString());
    }

    @AfterEach
    void cleanUp() {
        projects.forEach(docker::clear);
        docker.close();
        System.clearProperty("scaler.stateDir");
    }

    private Path topology(String project, int port, String body) throws IOException {
        docker.clear(project);
        projects.add(project);
        Path file = dir.resolve(project + ".yaml");
        Files.writeString(file, "name: " + project + "\nimages: offline\nloadBalancer: { port: " + port + " }\n" + body);
        return file;
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String path, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(3));
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> instancesSeen(int port, int requests) throws Exception {
        var seen = new HashSet<String>();
        for (int i = 0; i < requests; i++) {
            var r = get(port, "/whoami", "");
            assertThat(r.statusCode()).isEqualTo(200);
            seen.add(r.headers().firstValue("X-Scaler-Instance").orElseThrow());
        }
        return seen;
    }

    @Test
    void balancedStatelessWebTierSurvivesAKilledReplicaScalesAndLeavesNothingBehind() throws Exception {
        int port = freePort();
        Path file = topology("it-web", port, "web: { replicas: 3 }\n");
        // A container scaler did not create, to show that nothing touches it.
        var foreign = new ProcessBuilder("docker", "run", "-d", "--name", "it-foreign", "scaler/base:bookworm",
                "sleep", "300").start();
        foreign.waitFor(30, TimeUnit.SECONDS);
        try {
            var up = Scaler.run("up", file.toString());
            assertThat(up.code()).as(up.transcript()).isZero();
            assertThat(up.out()).contains("it-web is up").contains("5 created")
                    .contains("http://127.0.0.1:" + port);

            assertThat(instancesSeen(port, 30)).containsExactlyInAnyOrder("it-web-web-1", "it-web-web-2",
                    "it-web-web-3");

            var login = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=alice")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            var servedBy = new HashSet<String>();
            for (int i = 0; i < 6; i++) {
                var me = get(port, "/me", cookie);
                assertThat(me.statusCode()).isEqualTo(200);
                assertThat(me.body()).contains("\"user\":\"alice\"");
                servedBy.add(me.headers().firstValue("X-Scaler-Instance").orElseThrow());
            }
            assertThat(servedBy).as("one session, seen by every replica").hasSize(3);

            var again = Scaler.run("up", file.toString());
            assertThat(again.code()).as(again.transcript()).isZero();
            assertThat(again.out()).contains("up to date, nothing to change (5 containers)");

            // Docker gives its own verdict at its first check, one interval (10 s) after the start; `up` did not wait.
            var status = Scaler.run("status", "it-web");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((status.out().contains("starting") || !status.out().contains("healthy")) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                status = Scaler.run("status", "it-web");
            }
            assertThat(status.out()).as(status.transcript()).contains("it-web-lb-1").contains("lb")
                    .contains("127.0.0.1:" + port).contains("healthy");

            // Kill one replica under a stream of requests: the load balancer takes it out within ~2 s.
            docker.kill("it-web-web-2");
            int failed = 0;
            long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            int sent = 0;
            while (System.nanoTime() < end) {
                sent++;
                try {
                    if (get(port, "/whoami", "").statusCode() != 200) {
                        failed++;
                    }
                } catch (IOException e) {
                    failed++;
                }
            }
            assertThat(sent).isGreaterThan(50);
            assertThat(failed).as("failed of %d requests after the kill", sent).isLessThanOrEqualTo(2);
            assertThat(instancesSeen(port, 20)).containsExactlyInAnyOrder("it-web-web-1", "it-web-web-3");

            // Scale down: only the surplus web container goes; the load balancer stays as it is.
            String lbId = docker.container("it-web-lb-1").id();
            Files.writeString(file, Files.readString(file).replace("replicas: 3", "replicas: 2"));
            var scaled = Scaler.run("up", file.toString());
            assertThat(scaled.code()).as(scaled.transcript()).isZero();
            assertThat(scaled.out()).contains("1 restarted").contains("1 removed").contains("3 unchanged");
            assertThat(docker.container("it-web-lb-1").id()).isEqualTo(lbId);
            // The restarted replica is healthy when `up` returns; HAProxy takes it back at its next
            // DNS round and check (a few hundred ms).
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            Set<String> seen = instancesSeen(port, 20);
            while (!seen.equals(Set.of("it-web-web-1", "it-web-web-2")) && System.nanoTime() < until) {
                Thread.sleep(200);
                seen = instancesSeen(port, 20);
            }
            assertThat(seen).containsExactlyInAnyOrder("it-web-web-1", "it-web-web-2");

            var down = Scaler.run("down", file.toString());
            assertThat(down.code()).as(down.transcript()).isZero();
            assertThat(docker.leftovers("it-web")).isEmpty();
            assertThat(dir.resolve(".scaler/secrets/it-web.properties")).doesNotExist();
            var inspect = new ProcessBuilder("docker", "inspect", "-f", "{{.State.Running}}", "it-foreign").start();
            assertThat(new String(inspect.getInputStream().readAllBytes()).trim())
                    .as("a container scaler did not create is untouched").isEqualTo("true");
        } finally {
            new ProcessBuilder("docker", "rm", "-f", "it-foreign").start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void keepDataKeepsVolumesAndSecrets() throws Exception {
        Path file = topology("it-keep", freePort(), "web: { replicas: 1 }\n");
        assertThat(Scaler.run("up", file.toString()).code()).isZero();
        var down = Scaler.run("down", "--keep-data", "--project", "it-keep");
        assertThat(down.code()).as(down.transcript()).isZero();
        assertThat(docker.leftovers("it-keep")).containsExactly("volume it-keep-cache-1-data");
        assertThat(dir.resolve(".scaler/secrets/it-keep.properties")).exists();
    }

    @Test
    void aContainerThatNeverBecomesHealthyIsNamedWithItsLogsAndNothingIsLeft() throws Exception {
        // A "web app" that listens nowhere: the load balancer's check through to a replica never passes.
        Path file = topology("it-sick", freePort(), "web: { replicas: 1, image: 'scaler/redis:offline' }\n");
        var r = Scaler.run("up", "--timeout", "6", file.toString());
        assertThat(r.code()).as(r.transcript()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(r.err()).contains("it-sick-lb-1 did not become healthy").contains("  | ");
        assertThat(docker.leftovers("it-sick")).isEmpty();
    }

    @Test
    void aTakenPortFailsBeforeAnythingIsCreated() throws Exception {
        try (var taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Path file = topology("it-port", taken.getLocalPort(), "");
            var r = Scaler.run("up", file.toString());
            assertThat(r.code()).as(r.transcript()).isEqualTo(ExitCode.ENVIRONMENT);
            assertThat(r.err()).contains("port 127.0.0.1:" + taken.getLocalPort() + " is taken");
            assertThat(docker.leftovers("it-port")).isEmpty();
        }
    }

    @Test
    void aMissingImageFailsBeforeAnythingIsCreatedAndSaysWhatToRun() throws Exception {
        Path local = topology("it-img", freePort(), "web: { image: 'scaler/not-built:1' }\n");
        var r = Scaler.run("up", local.toString());
        assertThat(r.code()).as(r.transcript()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(r.err()).contains("scaler/not-built:1 is not on this engine").contains("scaler images build");
        Path upstream = topology("it-pull", freePort(), "web: { image: 'registry.invalid/nothing:1' }\n");
        var pull = Scaler.run("up", upstream.toString());
        assertThat(pull.code()).as(pull.transcript()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(pull.err()).contains("could not be pulled").contains("use the offline profile").contains("scaler images build");
        assertThat(docker.leftovers("it-img")).isEmpty();
        assertThat(docker.leftovers("it-pull")).isEmpty();
    }

    @Test
    void ctrlCDuringUpRemovesEverythingThatRunCreatedAndExits4() throws Exception {
        Path file = topology("it-int", freePort(), "web: { replicas: 3 }\n");
        var process = Scaler.start(dir.resolve(".scaler"), dir.resolve("int.log"), "up", file.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (docker.containers("it-int").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(docker.containers("it-int")).as("up created something to interrupt").isNotEmpty();
        Scaler.interrupt(process);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("int.log"));
        assertThat(process.exitValue()).as(log).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(log).contains("interrupted");
        assertThat(docker.leftovers("it-int")).as(log).isEmpty();
    }
}
