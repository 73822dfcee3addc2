package dev.scaler.chaos;

import dev.scaler.yaml.Location;
import dev.scaler.yaml.Node;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.YamlTree;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates experiment files (and gameday files, which list experiments) as docs/experiments.md describes them.
 *
 * <p>Either a complete script comes back, or an {@link ExperimentException} carrying every problem in the text
 * at once, each with line and column and what was expected. Pure: it takes text; {@code files.InputFile} reads
 * the files.
 */
public final class ExperimentLoader {

    /** How these files are called in messages. */
    static final String KIND = "experiment files";

    private ExperimentLoader() {
    }

    /** Validates experiment text; {@code source} names it in problems (a file name, or builtin:NAME). */
    public static Experiment parse(String source, String text) throws ExperimentException {
        return switch (parseScript(source, text)) {
            case Experiment e -> e;
            case Gameday g -> {
                Problems problems = new Problems(source);
                problems.add(Location.START, "this is a gameday (it lists experiments to run one after another),"
                        + " not one experiment");
                throw new ExperimentException(problems.sorted());
            }
        };
    }

    /** Validates text that holds an experiment or a gameday; {@code source} names it in problems. */
    public static ChaosScript parseScript(String source, String text) throws ExperimentException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Problems problems = new Problems(source);
        Optional<Node> root = YamlTree.parse(text, KIND, problems);
        Optional<ChaosScript> script = root.flatMap(node -> new ExperimentBinder(text, problems).bind(node));
        if (!problems.isEmpty() || script.isEmpty()) {
            throw new ExperimentException(problems.sorted());
        }
        return script.get();
    }
}
