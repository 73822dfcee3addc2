package dev.scaler.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The browse journey's check, read as a stream: the same verdict a JSON tree's path("instance").isTextual() gives. */
class BrowseCheckTest {

    @Test
    void anObjectNamingItsInstancePasses() {
        assertThat(LoadGenerator.namesInstance("{\"instance\":\"web-1\",\"datacenter\":\"dc1\"}")).isTrue();
        assertThat(LoadGenerator.namesInstance("{\"a\":{\"instance\":1},\"b\":[1,{\"c\":2}],\"instance\":\"web-2\"}")).isTrue();
    }

    @Test
    void anythingElseFails() {
        assertThat(LoadGenerator.namesInstance("")).isFalse();
        assertThat(LoadGenerator.namesInstance("ok")).isFalse();
        assertThat(LoadGenerator.namesInstance("{\"instance\":1}")).isFalse();
        assertThat(LoadGenerator.namesInstance("{\"instance\":null}")).isFalse();
        assertThat(LoadGenerator.namesInstance("{\"other\":{\"instance\":\"web-1\"}}")).as("only at the top").isFalse();
        assertThat(LoadGenerator.namesInstance("[\"instance\",\"web-1\"]")).isFalse();
        assertThat(LoadGenerator.namesInstance("{\"instance\":\"web-1\"")).as("cut short").isFalse();
        assertThat(LoadGenerator.namesInstance("<html>503</html>")).isFalse();
    }
}
