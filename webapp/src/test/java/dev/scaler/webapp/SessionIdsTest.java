package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionIdsTest {
    private final SessionIds ids = new SessionIds(new SecureRandom());

    @Test
    void idsAre22UrlSafeCharactersAndWellFormed() {
        for (int i = 0; i < 1000; i++) {
            String id = ids.next();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
            assertThat(SessionIds.isWellFormed(id)).isTrue();
        }
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.next())).isTrue();
        }
    }

    @Test
    void foreignValuesAreNotWellFormed() {
        assertThat(SessionIds.isWellFormed("short")).isFalse();
        assertThat(SessionIds.isWellFormed("AAAAAAAAAAAAAAAAAAAAAA=")).isFalse();
        assertThat(SessionIds.isWellFormed("AAAAAAAAAAAAAAAAAAAA+/")).isFalse();
        assertThat(SessionIds.isWellFormed("AAAAAAAAAA*AAAAAAAAAAA")).isFalse();
    }
}
