package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CookiesTest {

    @Test
    void findsTheNamedCookieAmongOthers() {
        assertThat(Cookies.find(List.of("theme=dark; SCALER_SESSION=abc123; lang=en"), "SCALER_SESSION"))
                .contains("abc123");
    }

    @Test
    void looksInEveryCookieHeader() {
        assertThat(Cookies.find(List.of("theme=dark", "SCALER_SESSION=xyz"), "SCALER_SESSION")).contains("xyz");
    }

    @Test
    void nameMustMatchExactly() {
        assertThat(Cookies.find(List.of("OLD_SCALER_SESSION=no; SCALER_SESSIONS=no"), "SCALER_SESSION")).isEmpty();
    }

    @Test
    void firstOccurrenceWins() {
        assertThat(Cookies.find(List.of("SCALER_SESSION=one; SCALER_SESSION=two"), "SCALER_SESSION")).contains("one");
    }

    @Test
    void quotesAreRemoved() {
        assertThat(Cookies.find(List.of("SCALER_SESSION=\"q\""), "SCALER_SESSION")).contains("q");
    }

    @Test
    void valueMayContainEquals() {
        assertThat(Cookies.find(List.of("SCALER_SESSION=a=b"), "SCALER_SESSION")).contains("a=b");
    }

    @Test
    void emptyOrMissingIsAbsent() {
        assertThat(Cookies.find(List.of(), "SCALER_SESSION")).isEmpty();
        assertThat(Cookies.find(List.of("SCALER_SESSION="), "SCALER_SESSION")).isEmpty();
        assertThat(Cookies.find(List.of("garbage;;; =x"), "SCALER_SESSION")).isEmpty();
    }

    @Test
    void sessionCookieIsHttpOnlyAndLax() {
        assertThat(Cookies.session("id1")).isEqualTo("SCALER_SESSION=id1; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void expiredCookieClearsTheValueNow() {
        assertThat(Cookies.expiredSession())
                .startsWith("SCALER_SESSION=;")
                .contains("Max-Age=0")
                .contains("Path=/");
    }
}
