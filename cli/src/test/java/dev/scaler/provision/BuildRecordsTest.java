package dev.scaler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.plan.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records images/build.sh writes: $SCALER_CACHE/images/NAME/HASH holding the image ID it built. */
class BuildRecordsTest {
    @TempDir
    Path cache;

    @Test
    void everyRecordOfANameCountsAndHalfWrittenOnesDoNot() throws Exception {
        Path base = Files.createDirectories(cache.resolve("images/base"));
        Files.writeString(base.resolve("1111"), "sha256:old\n");
        Files.writeString(base.resolve("2222"), "sha256:new\n");
        Files.writeString(base.resolve("3333.part"), "sha256:half\n");
        var builds = BuildRecords.read(cache);
        assertThat(builds.check("scaler/base:bookworm", Optional.of("sha256:old")).ours()).isTrue();
        assertThat(builds.check("scaler/base:bookworm", Optional.of("sha256:new")).ours()).isTrue();
        assertThat(builds.check("scaler/base:bookworm", Optional.of("sha256:half")))
                .isInstanceOf(Provenance.Foreign.class);
    }

    @Test
    void aCacheWithoutRecordsProvesNoImage() {
        assertThat(BuildRecords.read(cache).check("scaler/haproxy:offline", Optional.of("sha256:x")))
                .isInstanceOf(Provenance.Foreign.class);
    }
}
