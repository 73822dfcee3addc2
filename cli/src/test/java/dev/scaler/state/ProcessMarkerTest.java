package dev.scaler.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process marker: present while held by a live process, with its last line; gone when closed or its process is. */
class ProcessMarkerTest {
    @TempDir
    Path state;

    @Test
    void aHeldMarkerNamesThisProcessAndItsLastLineUntilClosed() {
        var markers = ProcessMarker.autoscaling(state);
        assertThat(markers.running("p")).isEmpty();
        try (var held = markers.hold("p")) {
            assertThat(markers.running("p")).contains(new ProcessMarker.Holder(ProcessHandle.current().pid(), ""));
            held.say("web 2 replicas, hold\nsecond line");
            assertThat(markers.running("p").orElseThrow().says()).isEqualTo("web 2 replicas, hold second line");
            assertThat(ProcessMarker.deploying(state).running("p")).as("another kind").isEmpty();
            assertThat(markers.running("q")).as("another project").isEmpty();
        }
        assertThat(markers.running("p")).isEmpty();
    }

    @Test
    void aMarkerLeftByAProcessThatIsGoneCountsAsNone() throws Exception {
        var gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.createDirectories(state.resolve("deploying"));
        Files.writeString(state.resolve("deploying/p"), gone.pid() + "\n");
        assertThat(ProcessMarker.deploying(state).running("p")).isEmpty();
        Files.writeString(state.resolve("deploying/p"), ProcessHandle.current().pid() + "\n");
        assertThat(ProcessMarker.deploying(state).running("p")).isPresent();
    }
}
