package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffTest {
    private final Plan plan = Planner.plan(Topologies.of("name: demo"));

    private Map<String, String> hashes() {
        var h = new HashMap<String, String>();
        plan.containers().forEach(c -> h.put(c.name(), "h-" + c.name()));
        return h;
    }

    private static ObservedContainer observed(String name, String hash, String state) {
        var labels = new HashMap<>(Labels.project("demo"));
        labels.put(Labels.SPEC, hash);
        return new ObservedContainer("id-" + name, name, "img", labels, state, "", List.of());
    }

    @Test
    void nothingRunningMeansCreateEverything() {
        Diff diff = Diff.between(plan, hashes(), List.of());
        assertThat(diff.create()).hasSize(4);
        assertThat(diff.empty()).isFalse();
    }

    @Test
    void everythingRunningWithTheSameSpecIsNoChange() {
        var observed = plan.containers().stream().map(c -> observed(c.name(), "h-" + c.name(), "running")).toList();
        Diff diff = Diff.between(plan, hashes(), observed);
        assertThat(diff.empty()).isTrue();
        assertThat(diff.unchanged()).hasSize(4);
    }

    @Test
    void classifiesChangedStoppedAndSurplusContainers() {
        var observed = List.of(
                observed("demo-cache-1", "h-demo-cache-1", "running"),
                observed("demo-web-1", "old", "running"),
                observed("demo-web-2", "h-demo-web-2", "exited"),
                observed("demo-web-3", "h-demo-web-3", "running"),
                observed("demo-lb-1", "h-demo-lb-1", "running"));
        Diff diff = Diff.between(plan, hashes(), observed);
        assertThat(diff.replace()).extracting(r -> r.spec().name()).containsExactly("demo-web-1");
        assertThat(diff.start()).extracting(ObservedContainer::name).containsExactly("demo-web-2");
        assertThat(diff.remove()).extracting(ObservedContainer::name).containsExactly("demo-web-3");
        assertThat(diff.unchanged()).extracting(ObservedContainer::name).containsExactly("demo-cache-1", "demo-lb-1");
        assertThat(diff.create()).isEmpty();
    }
}
