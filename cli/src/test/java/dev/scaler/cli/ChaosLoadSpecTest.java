package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.chaos.Load;
import dev.scaler.load.JourneyMix;
import dev.scaler.load.LoadSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosLoadSpecTest {

    @Test
    void anExperimentsLoadBecomesALoadSpecOnceTheTargetsAreKnown() {
        var target = URI.create("http://127.0.0.1:8080/");
        var spec = ChaosCommand.loadSpec(new Load(200, Duration.ofSeconds(60), JourneyMix.DEFAULT,
                Duration.ofSeconds(2), 50), List.of(target), 42);
        assertThat(spec.targets()).containsExactly(target);
        assertThat(spec.rate()).isEqualTo(200);
        assertThat(spec.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.seed()).isEqualTo(42);
        assertThat(spec.users()).isEqualTo(50);
        assertThat(spec.maxInFlight()).isEqualTo(LoadSpec.defaultMaxInFlight(200, Duration.ofSeconds(2)));
    }
}
