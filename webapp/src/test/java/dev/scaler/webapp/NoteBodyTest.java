package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoteBodyTest {
    private static final Optional<String> JSON = Optional.of("application/json; charset=utf-8");

    private static String text(Optional<String> type, String body) {
        return NoteBody.text(type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static int status(Optional<String> type, String body) {
        try {
            text(type, body);
            return 200;
        } catch (HttpError e) {
            return e.status();
        }
    }

    @Test
    void readsTheText() {
        assertThat(text(JSON, "{\"text\":\"hello\",\"extra\":1}")).isEqualTo("hello");
        assertThat(text(Optional.empty(), "{\"text\":\"no content type\"}")).isEqualTo("no content type");
    }

    @Test
    void lengthIsOneToAThousandCharacters() {
        assertThat(status(JSON, "{\"text\":\"\"}")).isEqualTo(400);
        assertThat(text(JSON, "{\"text\":\"" + "x".repeat(1000) + "\"}")).hasSize(1000);
        assertThat(status(JSON, "{\"text\":\"" + "x".repeat(1001) + "\"}")).isEqualTo(400);
        // 1000 emoji are 2000 UTF-16 units but 1000 characters.
        assertThat(text(JSON, "{\"text\":\"" + "\uD83D\uDE00".repeat(1000) + "\"}")).hasSize(2000);
    }

    @Test
    void malformedBodiesAre400AndOtherTypes415() {
        assertThat(status(JSON, "not json")).isEqualTo(400);
        assertThat(status(JSON, "[\"text\"]")).isEqualTo(400);
        assertThat(status(JSON, "{}")).isEqualTo(400);
        assertThat(status(JSON, "{\"text\":null}")).isEqualTo(400);
        assertThat(status(JSON, "{\"text\":42}")).isEqualTo(400);
        assertThat(status(JSON, "{\"text\":\"a\"} trailing")).isEqualTo(400);
        assertThat(status(Optional.of("text/plain"), "hello")).isEqualTo(415);
    }

    @Test
    void theRuleIsTheMessage() {
        assertThatThrownBy(() -> text(JSON, "{\"text\":7}")).hasMessage(NoteBody.RULE);
    }
}
