package dev.scaler.yaml;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * The properties every loader of YAML files has, run by a subclass per loader: mutated shipped files and random
 * documents load, or fail with the loader's located error type, never anything else and never a hang
 * ({@link YamlFuzz#loadsOrFailsLocated}). Tries: {@code jqwik.tries.default} (junit-platform.properties).
 */
public abstract class LoaderProperties {

    /** The directory of the repository whose files are mutated (topologies, chaos-scripts). */
    protected abstract String shippedIn();

    /** The file name problems must carry. */
    protected abstract String source();

    /** The loader's located error type. */
    protected abstract Class<? extends Exception> located();

    /** Loads the text with the loader under test. */
    protected abstract void load(String text) throws Exception;

    // Shrinking off: a failing sample is printed with its seed, and shrinking YAML text mostly makes it unreadable.
    @Property(shrinking = ShrinkingMode.OFF)
    public void mutatedShippedFilesLoadOrFailLocated(@ForAll("mutated") String text) {
        check(text);
    }

    @Property(shrinking = ShrinkingMode.OFF)
    public void randomDocumentsLoadOrFailLocated(@ForAll("random") String text) {
        check(text);
    }

    private void check(String text) {
        boolean loaded = YamlFuzz.loadsOrFailsLocated(text, source(), located(), this::load);
        Statistics.label("outcome").collect(loaded ? "loads" : "refused");
    }

    @Provide
    public Arbitrary<String> mutated() {
        return YamlFuzz.mutationsOf(YamlFuzz.shipped(shippedIn()));
    }

    @Provide
    public Arbitrary<String> random() {
        List<String> shipped = YamlFuzz.shipped(shippedIn());
        return YamlFuzz.randomDocuments(YamlFuzz.keysOf(shipped));
    }
}
