package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleCommandTest {
    @Test
    void takesWebEqualsACountFrom1To64() {
        assertThat(ScaleCommand.replicas("web=1")).isEqualTo(1);
        assertThat(ScaleCommand.replicas("web=64")).isEqualTo(64);
        assertThatThrownBy(() -> ScaleCommand.replicas("web=0")).isInstanceOf(UsageException.class)
                .hasMessage("web=N takes 1 to 64 replicas, got 0");
        assertThatThrownBy(() -> ScaleCommand.replicas("web=65")).hasMessageContaining("got 65");
        assertThatThrownBy(() -> ScaleCommand.replicas("workers=3")).isInstanceOf(UsageException.class)
                .hasMessageContaining("expected web=N");
        assertThatThrownBy(() -> ScaleCommand.replicas("web=three")).hasMessageContaining("got 'web=three'");
    }
}
