package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import org.junit.jupiter.api.Test;

class EngineMessageTest {
    @Test
    void theEnginesOwnMessageIsTakenOutOfDockerJavasText() {
        var e = new InternalServerErrorException("{\"message\":\"rpc error: code = Unknown desc = The swarm"
                + " does not have a leader.\"}\n");
        assertThat(EngineMessage.of(e)).isEqualTo("rpc error: code = Unknown desc = The swarm does not have a leader.");
    }

    @Test
    void aMessageThatIsNotJsonIsGivenAsItIs() {
        // docker-java puts "Status 500: " before the engine's body; the status is printed apart.
        assertThat(EngineMessage.of(new InternalServerErrorException("proxy error {not json")))
                .isEqualTo("proxy error {not json");
        assertThat(EngineMessage.of(new InternalServerErrorException("plain"))).isEqualTo("plain");
    }
}
