package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which image is scaler's own: decided by the IDs its builds recorded, never by labels. */
class LocalBuildsTest {
    private static final String OURS = "sha256:" + "a".repeat(64);
    private static final String DERIVED = "sha256:" + "b".repeat(64);
    private final LocalBuilds builds = new LocalBuilds(Map.of("base", Set.of(OURS), "haproxy", Set.of("sha256:c")));

    @Test
    void aTagOnTheRecordedBuildIsOurs() {
        assertThat(builds.check(LocalBuilds.BASE, Optional.of(OURS)))
                .isEqualTo(new Provenance.Recorded(LocalBuilds.BASE, OURS))
                .satisfies(p -> assertThat(p.ours()).isTrue(), p -> assertThat(p.advice()).isEmpty(),
                        p -> assertThat(p.state()).isEqualTo("scaler's build aaaaaaaaaaaa"));
    }

    @Test
    void anImageBuiltFromTheBaseOnItsTagIsForeignAndTheAdviceSaysWhatToRun() {
        Provenance p = builds.check(LocalBuilds.BASE, Optional.of(DERIVED));
        assertThat(p).isInstanceOf(Provenance.Foreign.class);
        assertThat(p.ours()).isFalse();
        assertThat(p.state()).isEqualTo("NOT scaler's build: bbbbbbbbbbbb");
        assertThat(p.advice()).hasValueSatisfying(a -> assertThat(a).contains("run `scaler images build`")
                .contains("docker tag bbbbbbbbbbbb NAME"));
    }

    @Test
    void anotherNamesRecordProvesNothing() {
        assertThat(builds.check("scaler/redis:offline", Optional.of("sha256:c")))
                .as("haproxy's build on the redis tag").isInstanceOf(Provenance.Foreign.class);
        assertThat(new LocalBuilds(Map.of()).check("scaler/redis:offline", Optional.of("sha256:c")))
                .as("no records at all (a fresh machine, or an older build.sh)").isInstanceOf(Provenance.Foreign.class);
    }

    @Test
    void aTagWithoutImageIsMissing() {
        assertThat(builds.check("scaler/haproxy:offline", Optional.empty()))
                .isEqualTo(new Provenance.Missing("scaler/haproxy:offline"))
                .satisfies(p -> assertThat(p.advice()).hasValueSatisfying(a -> assertThat(a)
                        .contains("scaler images build")));
    }

    @Test
    void namesAreThoseOfBuildShTagsOnly() {
        assertThat(LocalBuilds.name("scaler/base:bookworm")).contains("base");
        assertThat(LocalBuilds.name("scaler/webapp:offline")).contains("webapp");
        assertThat(LocalBuilds.name("scaler/webapp:upstream")).isEmpty();
        assertThat(LocalBuilds.name("scaler/other:offline")).isEmpty();
        assertThat(LocalBuilds.name("haproxy:3.2.4")).isEmpty();
        assertThat(LocalBuilds.NAMES).allSatisfy(n -> assertThat(LocalBuilds.name(LocalBuilds.tag(n))).contains(n));
    }
}
