package dev.scaler.webapp;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.testcontainers.DockerClientFactory;

/**
 * What the integration tests of the web app share: every container and network they make carries
 * {@code scaler.test=notes} and {@code scaler.test.class=<test>}, so a run killed halfway is
 * cleaned up by the next; a missing engine or image fails the test, with or without CI set: a skipped
 * integration test reads as green while proving nothing. (The cli module's ITs share {@code dev.scaler.EngineIT},
 * which fails the same way; the modules share no test code.)
 */
final class DockerSupport {
    static final String LABEL = "scaler.test";
    static final String LABEL_VALUE = "notes";
    static final String CLASS_LABEL = "scaler.test.class";

    private DockerSupport() {}

    static Map<String, String> labels(Class<?> test) {
        return Map.of(LABEL, LABEL_VALUE, CLASS_LABEL, test.getSimpleName());
    }

    /** The engine answers and every image exists locally (nothing can be pulled here); else the test fails. */
    static DockerClient require(Class<?> test, String... images) {
        Optional<String> asked = Optional.ofNullable(System.getenv("DOCKER_HOST")).filter(h -> !h.isBlank());
        String why = test.getSimpleName() + ": integration tests need a Docker engine and never skip: ";
        String fix = "; start Docker or point DOCKER_HOST at a running engine (`./mvnw test` runs the unit tests alone)";
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            fail(why + "none answers at " + asked.orElse("unix:///var/run/docker.sock") + fix);
        }
        // Testcontainers falls back to another engine when DOCKER_HOST does not answer; the user asked for that one.
        String found = DockerClientFactory.instance().getTransportConfig().getDockerHost().toString();
        if (asked.isPresent() && !asked.get().equals(found)) {
            fail(why + "none answers at DOCKER_HOST=" + asked.get() + " (Testcontainers found " + found + " instead)"
                    + fix);
        }
        DockerClient docker = DockerClientFactory.instance().client();
        for (String image : images) {
            try {
                docker.inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                fail(test.getSimpleName() + ": image " + image + " is missing; build the offline images first"
                        + " (images/build.sh)");
            }
        }
        removeLeftovers(docker, test);
        return docker;
    }

    /** Containers (with their anonymous volumes) and networks an earlier, interrupted run of this test left. */
    static void removeLeftovers(DockerClient docker, Class<?> test) {
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(CLASS_LABEL, test.getSimpleName())).exec();
        for (Container container : containers) {
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                // gone already
            }
        }
        List<Network> networks = docker.listNetworksCmd().withFilter("label", List.of(CLASS_LABEL + "=" + test.getSimpleName())).exec();
        for (Network network : networks) {
            try {
                docker.removeNetworkCmd(network.getId()).exec();
            } catch (NotFoundException e) {
                // gone already
            }
        }
    }

    /** A port nothing listens on right now, for a container that must keep its address across restarts. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls until {@code check} returns true (exceptions count as false); the last failure explains a timeout. */
    static Duration eventually(Duration within, Callable<Boolean> check) throws Exception {
        long started = System.nanoTime();
        long deadline = started + within.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.call()) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
                last = null;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(100);
        }
        AssertionError error = new AssertionError("not true within " + within);
        if (last != null) {
            error.initCause(last);
        }
        throw error;
    }

    /** Closes {@code resources} last in first out (apps before the containers they use), reporting but not stopping at failures. */
    static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("cleanup: " + e);
            }
        }
        resources.clear();
    }
}
