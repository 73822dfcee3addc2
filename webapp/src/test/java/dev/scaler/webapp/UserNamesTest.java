package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "Alice_01", "alice.smith@example.com", "x-y", "1234567890123456789012345678901234567890123456789012345678901234"})
    void accepts(String user) {
        assertThat(UserNames.isValid(user)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "alice!", "ålice", "a/b", "a:b", "a\nb", "<script>",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void rejects(String user) {
        assertThat(UserNames.isValid(user)).isFalse();
    }
}
