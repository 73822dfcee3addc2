package dev.scaler.topology;

import dev.scaler.yaml.Node;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.YamlTree;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates the text of a topology file (format version 1, see docs/topology.md), applies the defaults and checks
 * every rule.
 *
 * <p>Either a complete {@link Topology} comes back, or a {@link TopologyException} carrying every problem in the
 * text at once, each with line and column. Pure: it takes text; reading the file, and checking that the
 * {@code cdn.assets} directory exists, is {@code files.InputFile}'s.
 */
public final class TopologyLoader {

    /** How topology files are called in messages. */
    static final String KIND = "topology files";

    private TopologyLoader() {
    }

    /**
     * Validates topology text.
     *
     * @param source names the text in problems ({@code shop.yaml:3:5: ...}) and is kept as {@link Topology#source()}
     */
    public static Topology parse(String text, String source) throws TopologyException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Problems problems = new Problems(source);
        Optional<Node> root = YamlTree.parse(text, KIND, problems);
        Optional<Topology> topology = root.flatMap(node -> new TopologyBinder(source, problems).bind(node));
        if (!problems.isEmpty() || topology.isEmpty()) {
            throw new TopologyException(problems.sorted());
        }
        return topology.get();
    }
}
