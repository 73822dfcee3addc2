package dev.scaler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.plan.CdnTier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetSyncTest {
    @TempDir
    Path dir;

    @Test
    void everyFileBecomesAnObjectKeyedByItsPathAndHiddenOnesStayHome() throws Exception {
        Files.createDirectories(dir.resolve("css"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("css/site.css"), "a");
        Files.writeString(dir.resolve("index.js"), "b");
        Files.writeString(dir.resolve(".env"), "secret");
        Files.writeString(dir.resolve(".git/config"), "c");

        assertThat(AssetSync.files(dir)).containsOnlyKeys("css/site.css", "index.js");
    }

    @Test
    void aPolicyIsTheSameHoweverMinioSpacesOrOrdersIt() {
        String wanted = CdnTier.publicReadPolicy("assets");
        String asMinioGivesIt = """
                {"Statement":[{"Sid":"ScalerPublicAssets","Effect":"Allow","Principal":{"AWS":["*"]},
                  "Action":["s3:GetObject"],"Resource":["arn:aws:s3:::assets/*"]}],
                 "Version":"2012-10-17"}""";
        assertThat(AssetSync.samePolicy(asMinioGivesIt, wanted)).isTrue();
        assertThat(AssetSync.samePolicy("", wanted)).isFalse();
        assertThat(AssetSync.samePolicy(CdnTier.publicReadPolicy("other"), wanted)).isFalse();
        assertThat(AssetSync.samePolicy("not json", wanted)).isFalse();
    }
}
