package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Published xxHash64 (seed 0) values: the hash ring depends on these never changing. */
class XxHash64Test {
    private static long hash(String s) {
        return XxHash64.hash(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchesTheReferenceVectors() {
        assertThat(hash("")).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(hash("a")).isEqualTo(0xD24EC4F1A98C6E5BL);
        assertThat(hash("abc")).isEqualTo(0x44BC2CF5AD770999L);
        // 39 bytes: the four-lane path for inputs of 32 bytes and more.
        assertThat(hash("Nobody inspects the spammish repetition")).isEqualTo(0xFBCEA83C8A378BF1L);
    }
}
