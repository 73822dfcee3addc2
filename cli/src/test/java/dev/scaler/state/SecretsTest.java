package dev.scaler.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @TempDir
    Path state;

    @Test
    void generatesOnceKeepsItPrivateAndGivesTheSameValueNextTime() throws Exception {
        String first = Secrets.open(state, "shop").fill("requirepass ${secret:redis.password}");
        assertThat(first).startsWith("requirepass ").doesNotContain("${").hasSize("requirepass ".length() + 48);
        Path file = state.resolve("secrets/shop.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        String again = Secrets.open(state, "shop").fill("requirepass ${secret:redis.password}");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void projectsHaveTheirOwnSecrets() {
        String a = Secrets.open(state, "a").fill("${secret:redis.password}");
        String b = Secrets.open(state, "b").fill("${secret:redis.password}");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void textWithoutPlaceholdersIsUntouchedAndWritesNothing() {
        assertThat(Secrets.open(state, "shop").fill("plain $text")).isEqualTo("plain $text");
        assertThat(state.resolve("secrets")).doesNotExist();
    }

    @Test
    void deleteRemovesTheFile() {
        var secrets = Secrets.open(state, "shop");
        secrets.fill("${secret:x}");
        secrets.delete();
        assertThat(secrets.file()).doesNotExist();
    }
}
