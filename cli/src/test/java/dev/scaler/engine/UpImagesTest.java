package dev.scaler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaler.plan.LocalBuilds;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.plan.Topologies;
import dev.scaler.provision.Up;
import dev.scaler.topology.ImageProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** `up` with the offline profile runs only images whose tag points at a build `scaler images build` recorded. */
class UpImagesTest {
    private final FakeEngine engine = new FakeEngine();
    private final Plan plan = Planner.plan(Topologies.of("name: web\n").withImages(ImageProfile.OFFLINE));

    /** Records for every image of the plan: the IDs the fake engine gives their tags. */
    private HashMap<String, Set<String>> recordedForAll() {
        var ids = new HashMap<String, Set<String>>();
        plan.images().forEach(i -> ids.put(LocalBuilds.name(i).orElseThrow(), Set.of(engine.imageId(i).orElseThrow())));
        return ids;
    }

    private void up(LocalBuilds builds) {
        new Up(engine, builds).run(plan, new Apply(engine, s -> s, Progress.SILENT, Duration.ofSeconds(5)));
    }

    @Test
    void recordedBuildsComeUp() {
        up(new LocalBuilds(recordedForAll()));
        assertThat(engine.containers).containsKeys("web-lb-1", "web-web-1");
    }

    @Test
    void aTagOnAnImageNoBuildRecordedIsRefusedAndNothingIsCreated() {
        var ids = recordedForAll();
        ids.put("haproxy", Set.of("sha256:the-image-scaler-built-before"));
        assertThatThrownBy(() -> up(new LocalBuilds(ids))).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.getMessage()).contains("scaler/haproxy:offline is not scaler's build");
            assertThat(e.hint()).contains("run `scaler images build`");
        });
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void upstreamImagesAreNotJudgedByRecords() {
        new Up(engine, new LocalBuilds(java.util.Map.of())).run(Planner.plan(Topologies.of("name: web\n")
                .withImages(ImageProfile.UPSTREAM)), new Apply(engine, s -> s, Progress.SILENT, Duration.ofSeconds(5)));
        assertThat(engine.containers).containsKey("web-lb-1");
    }
}
