package dev.scaler.topology;

import dev.scaler.yaml.Node;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.YamlTree;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a topology file (format version 1, see docs/topology.md), applies the defaults and checks every rule.
 *
 * <p>Either a complete {@link Topology} comes back, or a {@link TopologyException} carrying every problem in
 * the file at once, each with line and column. Pure: the only thing touched outside memory is the file itself
 * and, for {@code cdn.assets}, whether that directory exists.
 */
public final class TopologyLoader {

    /** How topology files are called in messages. */
    static final String KIND = "topology files";

    private TopologyLoader() {
    }

    /** Reads and validates a topology file; a file that cannot be read is a problem like any other. */
    public static Topology load(Path file) throws TopologyException {
        Objects.requireNonNull(file, "file");
        Problems problems = new Problems(file);
        Optional<String> text = YamlTree.readText(file, problems);
        if (text.isEmpty()) {
            throw new TopologyException(problems.sorted());
        }
        return parse(text.get(), file, problems);
    }

    /**
     * Validates topology text.
     *
     * @param source the file the text came from: named in problems, stored as {@link Topology#source()}, and
     *     the directory of which {@code cdn.assets} is relative to
     */
    public static Topology parse(String text, Path source) throws TopologyException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        return parse(text, source, new Problems(source));
    }

    private static Topology parse(String text, Path source, Problems problems) throws TopologyException {
        Optional<Node> root = YamlTree.parse(text, KIND, problems);
        Optional<Topology> topology = root.flatMap(node -> new TopologyBinder(source, problems).bind(node));
        if (!problems.isEmpty() || topology.isEmpty()) {
            throw new TopologyException(problems.sorted());
        }
        return topology.get();
    }
}
