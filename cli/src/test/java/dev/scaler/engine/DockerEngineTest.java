package dev.scaler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.core.RemoteApiVersion;
import org.junit.jupiter.api.Test;

class DockerEngineTest {

    @Test
    void speaksAnOlderEnginesOwnVersion() {
        assertThat(DockerEngine.negotiate("1.41")).isEqualTo(RemoteApiVersion.VERSION_1_41);
    }

    @Test
    void capsANewerEngineAtTheNewestVersionItKnows() {
        assertThat(DockerEngine.negotiate("1.51")).isEqualTo(DockerEngine.NEWEST);
        assertThat(DockerEngine.negotiate("1.44")).isEqualTo(DockerEngine.NEWEST);
    }
}
