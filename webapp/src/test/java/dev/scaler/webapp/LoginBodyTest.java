package dev.scaler.webapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginBodyTest {
    private static final Optional<String> FORM = Optional.of("application/x-www-form-urlencoded");
    private static final Optional<String> JSON = Optional.of("application/json; charset=utf-8");

    private static String user(Optional<String> type, String body) {
        return LoginBody.user(type, body.getBytes(UTF_8));
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void formFieldIsDecoded() {
        assertThat(user(FORM, "x=1&user=alice%40example.com&y=2")).isEqualTo("alice@example.com");
    }

    @Test
    void formPlusMeansSpace() {
        assertThat(user(FORM, "user=a+b")).isEqualTo("a b");
    }

    @Test
    void firstFormFieldWins() {
        assertThat(user(FORM, "user=first&user=second")).isEqualTo("first");
    }

    @Test
    void formFieldWithoutValueIsEmpty() {
        assertThat(user(FORM, "user")).isEmpty();
    }

    @Test
    void missingContentTypeIsReadAsForm() {
        assertThat(user(Optional.empty(), "user=bob")).isEqualTo("bob");
    }

    @Test
    void formWithoutUserIs400() {
        assertStatus(() -> user(FORM, "name=alice"), 400);
    }

    @Test
    void brokenPercentEncodingIs400() {
        assertStatus(() -> user(FORM, "user=%zz"), 400);
    }

    @Test
    void jsonFieldIsRead() {
        assertThat(user(JSON, "{\"user\": \"carol\", \"extra\": 1}")).isEqualTo("carol");
    }

    @Test
    void jsonContentTypeIsCaseInsensitive() {
        assertThat(user(Optional.of("Application/JSON"), "{\"user\":\"dave\"}")).isEqualTo("dave");
    }

    @Test
    void jsonWithoutUserIs400() {
        assertStatus(() -> user(JSON, "{\"name\":\"x\"}"), 400);
        assertStatus(() -> user(JSON, "{\"user\":null}"), 400);
    }

    @Test
    void jsonUserMustBeAString() {
        assertStatus(() -> user(JSON, "{\"user\":42}"), 400);
    }

    @Test
    void malformedJsonIs400() {
        assertStatus(() -> user(JSON, "{\"user\":"), 400);
        assertStatus(() -> user(JSON, "{\"user\":\"a\"} trailing"), 400);
        assertStatus(() -> user(JSON, ""), 400);
    }

    @Test
    void jsonThatIsNotAnObjectIs400() {
        assertStatus(() -> user(JSON, "[\"alice\"]"), 400);
        assertStatus(() -> user(JSON, "\"alice\""), 400);
    }

    @Test
    void otherContentTypesAre415() {
        assertStatus(() -> user(Optional.of("text/plain"), "user=alice"), 415);
    }
}
