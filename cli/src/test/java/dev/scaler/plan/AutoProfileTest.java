package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.topology.ImageProfile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** `images: auto`: offline when built and recorded here, else upstream when present or the registry answers. */
class AutoProfileTest {
    private static final String STARTER = "name: shop\ndatabase: { replicas: 1 }\n";
    private final AtomicInteger probes = new AtomicInteger();

    private static Function<String, Provenance> allOurs() {
        return image -> new Provenance.Recorded(image, "sha256:" + image.hashCode());
    }

    private AutoProfile.Choice choose(String yaml, Function<String, Provenance> offline, boolean upstreamPresent,
            boolean registry) {
        return AutoProfile.choose(Topologies.declared(yaml), offline, image -> upstreamPresent, () -> {
            probes.incrementAndGet();
            return registry;
        });
    }

    @Test
    void theTopologyDefaultsToAutoAndTheDatabaseToMariadb() {
        var t = Topologies.declared(STARTER);
        assertThat(t.images()).isEqualTo(ImageProfile.AUTO);
        assertThat(t.database().orElseThrow().kind()).isEqualTo(dev.scaler.topology.DatabaseKind.MARIADB);
    }

    @Test
    void recordedOfflineImagesWinWithoutAskingTheRegistry() {
        assertThat(choose(STARTER, allOurs(), true, true))
                .isEqualTo(new AutoProfile.Chosen(ImageProfile.OFFLINE, "the offline images are built here"));
        assertThat(probes).as("no network when the engine decides").hasValue(0);
    }

    @Test
    void oneForeignImageMakesTheOfflineProfileUnusable() {
        Function<String, Provenance> foreignDb = image -> image.equals("scaler/mariadb:offline")
                ? new LocalBuilds(Map.of()).check(image, Optional.of("sha256:" + "d".repeat(64)))
                : allOurs().apply(image);
        assertThat(choose(STARTER, foreignDb, false, false)).isEqualTo(new AutoProfile.NoneUsable(
                "scaler/mariadb:offline is NOT scaler's build: dddddddddddd"));
        assertThat(probes).hasValue(1);
        assertThat(choose(STARTER, foreignDb, false, true)).isInstanceOfSatisfying(AutoProfile.Chosen.class,
                c -> assertThat(c.profile()).isEqualTo(ImageProfile.UPSTREAM));
    }

    @Test
    void upstreamImagesOnTheEngineNeedNoProbe() {
        Function<String, Provenance> missing = Provenance.Missing::new;
        assertThat(choose(STARTER, missing, true, false)).isEqualTo(
                new AutoProfile.Chosen(ImageProfile.UPSTREAM, "the engine has every upstream image"));
        assertThat(probes).hasValue(0);
    }

    @Test
    void nothingBuiltAndNoRegistryIsOneMessage() {
        assertThat(choose(STARTER, Provenance.Missing::new, false, false))
                .isEqualTo(new AutoProfile.NoneUsable("scaler/redis:offline is missing"));
    }

    @Test
    void mysqlHasNoOfflineImageSoAutoGoesUpstream() {
        String mysql = "name: shop\ndatabase: { kind: mysql }\n";
        assertThat(choose(mysql, allOurs(), false, true)).isInstanceOfSatisfying(AutoProfile.Chosen.class,
                c -> assertThat(c.profile()).isEqualTo(ImageProfile.UPSTREAM));
        assertThat(choose(mysql, allOurs(), false, false)).isInstanceOfSatisfying(AutoProfile.NoneUsable.class,
                n -> assertThat(n.offlineProblem()).contains("database.kind: mysql"));
    }

    @Test
    void thePlannerRefusesAnUnresolvedProfile() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Planner.plan(Topologies.declared("name: shop")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto");
    }
}
