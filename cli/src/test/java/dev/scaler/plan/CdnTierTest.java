package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.topology.ImageProfile;
import org.junit.jupiter.api.Test;

class CdnTierTest {

    private static Plan plan(String cdn) {
        return Planner.plan(Topologies.of("name: shop\nloadBalancer: { port: 9090 }\n" + cdn));
    }

    @Test
    void aCdnIsSupportedAndPlansAnOriginAndAnEdge() {
        var t = Topologies.of("name: shop\ncdn: { bucket: media }\n");
        assertThat(Planner.unsupported(t)).isEmpty();
        Plan p = Planner.plan(t);

        ContainerSpec origin = p.container("shop-cdn-origin").orElseThrow();
        assertThat(origin.tier()).isEqualTo(Tier.CDN);
        assertThat(origin.role()).isEqualTo("origin");
        assertThat(origin.image()).isEqualTo(Images.MINIO_UPSTREAM);
        assertThat(origin.command()).startsWith("minio", "server", "/data");
        assertThat(origin.env()).containsEntry("MINIO_ROOT_USER", CdnTier.ACCESS_KEY)
                .containsEntry("MINIO_ROOT_PASSWORD_FILE", "/run/secrets/cdn.password");
        assertThat(origin.files()).contains(new ContainerFile("/run/secrets/cdn.password", "${secret:cdn.password}",
                0444));
        assertThat(origin.mounts()).containsExactly(new Mount("shop-cdn-origin-data", "/data"));
        assertThat(p.volumes()).extracting(VolumeSpec::name).contains("shop-cdn-origin-data");

        ContainerSpec edge = p.container("shop-cdn-edge").orElseThrow();
        assertThat(edge.role()).isEqualTo("edge");
        assertThat(edge.image()).isEqualTo(Images.EDGE_UPSTREAM);
        assertThat(edge.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(EdgeConfig.PATH);
            assertThat(f.content()).contains("location /media/").contains("set $origin http://shop-cdn-origin:9000;");
        });
    }

    @Test
    void theEdgeIsPublicAndTheOriginOnlyOnLoopbackForUp() {
        Plan p = plan("cdn: {}\n");
        assertThat(p.container("shop-cdn-edge").orElseThrow().ports())
                .containsExactly(new PortBinding("127.0.0.1", 9190, EdgeConfig.PORT));
        assertThat(p.container("shop-cdn-origin").orElseThrow().ports())
                .containsExactly(new PortBinding("127.0.0.1", 0, CdnTier.ORIGIN_PORT));
        assertThat(p.container("shop-web-1").orElseThrow().env())
                .containsEntry("SCALER_CDN_URL", "http://127.0.0.1:9190/assets");
    }

    @Test
    void withoutAnEdgeMinioItselfIsPublicAndTheAssetsComeStraightFromIt() {
        Plan p = plan("cdn: { edge: { cache: false } }\n");
        assertThat(p.container("shop-cdn-edge")).isEmpty();
        assertThat(p.container("shop-cdn-origin").orElseThrow().ports())
                .containsExactly(new PortBinding("127.0.0.1", 9190, CdnTier.ORIGIN_PORT));
        assertThat(p.container("shop-web-1").orElseThrow().env())
                .containsEntry("SCALER_CDN_URL", "http://127.0.0.1:9190/assets");
    }

    @Test
    void publishedOnEveryInterfaceTheUrlNamesLoopback() {
        Plan p = Planner.plan(Topologies.of("name: shop\nloadBalancer: { bind: 0.0.0.0 }\ncdn: {}\n"));
        assertThat(p.container("shop-cdn-edge").orElseThrow().ports())
                .containsExactly(new PortBinding("0.0.0.0", 8180, EdgeConfig.PORT));
        assertThat(p.container("shop-web-2").orElseThrow().env())
                .containsEntry("SCALER_CDN_URL", "http://127.0.0.1:8180/assets");
    }

    @Test
    void offlineImagesAreTheLocalBuilds() {
        Plan p = Planner.plan(Topologies.of("name: shop\nimages: offline\ncdn: {}\n"));
        assertThat(p.container("shop-cdn-origin").orElseThrow().image()).isEqualTo(Images.minio(ImageProfile.OFFLINE))
                .isEqualTo("scaler/minio:offline");
        assertThat(p.container("shop-cdn-edge").orElseThrow().image()).isEqualTo("scaler/edge:offline");
    }

    @Test
    void withoutACdnNothingOfItIsPlanned() {
        Plan p = plan("");
        assertThat(p.containers()).noneMatch(c -> c.tier() == Tier.CDN);
        assertThat(p.container("shop-web-1").orElseThrow().env()).doesNotContainKey("SCALER_CDN_URL");
    }

    @Test
    void thePolicyLetsAnyoneReadObjectsAndNothingElse() {
        String policy = CdnTier.publicReadPolicy("media");
        assertThat(policy).contains("\"Action\":[\"s3:GetObject\"]")
                .contains("\"Resource\":[\"arn:aws:s3:::media/*\"]").contains("\"Principal\":{\"AWS\":[\"*\"]}")
                .doesNotContain("ListBucket").doesNotContain("PutObject");
    }
}
