package dev.scaler.chaos;

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
 * Random and mutated experiment and gameday files never make the loader throw anything but an
 * {@link ExperimentException} whose problems are located, and never make it hang.
 */
class ExperimentLoaderPropertiesTest {

    private static final List<String> SHIPPED = YamlFuzz.shipped("chaos-scripts");
    private static final String SOURCE = "fuzzed.yaml";

    @Property(shrinking = ShrinkingMode.OFF)
    void mutatedShippedFilesLoadOrFailLocated(@ForAll("mutated") String text) {
        check(text);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void randomDocumentsLoadOrFailLocated(@ForAll("random") String text) {
        check(text);
    }

    private static void check(String text) {
        boolean loaded = YamlFuzz.loadsOrFailsLocated(text, Path.of(SOURCE), ExperimentException.class,
                t -> ExperimentLoader.parseScript(SOURCE, t));
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
