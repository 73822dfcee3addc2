package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoteDigestTest {
    @Test
    void countsWordsAndHashesTheUtf8Text() {
        // sha256("hello world"), as `printf 'hello world' | sha256sum` prints it.
        assertThat(NoteDigest.of("hello world")).isEqualTo(
                new NoteDigest(2, "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"));
        assertThat(NoteDigest.of("  one\ttwo\n three  ").words()).isEqualTo(3);
        assertThat(NoteDigest.of("   ").words()).isZero();
    }
}
