package dev.scaler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** New replicas start in batches of half the engine's CPUs, at least one, in the plan's order. */
class ScaleBatchesTest {
    private static List<String> replicas(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "web-" + i).toList();
    }

    @Test
    void halfTheCpusAtATimeAndAtLeastOne() {
        assertThat(Scale.batches(replicas(5), 2)).containsExactly(List.of("web-1"), List.of("web-2"),
                List.of("web-3"), List.of("web-4"), List.of("web-5"));
        assertThat(Scale.batches(replicas(5), 1)).hasSize(5);
        assertThat(Scale.batches(replicas(5), 8)).containsExactly(List.of("web-1", "web-2", "web-3", "web-4"),
                List.of("web-5"));
        assertThat(Scale.batches(replicas(21), 16)).extracting(List::size).containsExactly(8, 8, 5);
        assertThat(Scale.batches(List.of(), 4)).isEmpty();
    }
}
