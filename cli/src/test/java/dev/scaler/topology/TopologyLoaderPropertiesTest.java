package dev.scaler.topology;

import dev.scaler.yaml.YamlFuzz;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Machines, not only people, write bad topology files: random and mutated YAML never makes the loader throw
 * anything but a {@link TopologyException} whose problems are located, and never makes it hang.
 */
class TopologyLoaderPropertiesTest {

    private static final List<String> SHIPPED = YamlFuzz.shipped("topologies");
    // In topologies/, so that `cdn.assets: assets` of the shipped files points at a directory that exists.
    private static final Path SOURCE = YamlFuzz.repositoryRoot().resolve("topologies/fuzzed.yaml");

    @Property(shrinking = ShrinkingMode.OFF)
    void mutatedShippedFilesLoadOrFailLocated(@ForAll("mutated") String text) {
        check(text);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void randomDocumentsLoadOrFailLocated(@ForAll("random") String text) {
        check(text);
    }

    private static void check(String text) {
        boolean loaded = YamlFuzz.loadsOrFailsLocated(text, SOURCE, TopologyException.class, t -> TopologyLoader.parse(t, SOURCE));
        Statistics.label("outcome").collect(loaded ? "loads" : "refused");
    }

    @Provide
    Arbitrary<String> mutated() {
        return YamlFuzz.mutationsOf(SHIPPED);
    }

    @Provide
    Arbitrary<String> random() {
        return YamlFuzz.randomDocuments(YamlFuzz.keysOf(SHIPPED));
    }
}
