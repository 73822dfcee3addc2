package dev.scaler.chaos;

import dev.scaler.yaml.Location;
import dev.scaler.yaml.Node;
import dev.scaler.yaml.Problems;
import dev.scaler.yaml.YamlTree;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads experiment files (and gameday files, which list experiments) as docs/experiments.md describes them.
 *
 * <p>Either a complete script comes back, or an {@link ExperimentException} carrying every problem in the file
 * at once, each with line and column and what was expected. Pure: nothing outside memory is touched but the file.
 */
public final class ExperimentLoader {

    /** How these files are called in messages. */
    static final String KIND = "experiment files";

    private ExperimentLoader() {
    }

    /** Reads and validates an experiment file; a gameday file is refused (see {@link #loadScript}). */
    public static Experiment load(Path file) throws ExperimentException {
        return experiment(loadScript(file), file);
    }

    /** Validates experiment text; {@code source} names it in problems (a file name, or builtin:NAME). */
    public static Experiment parse(String source, String text) throws ExperimentException {
        return experiment(parseScript(source, text), Path.of(source));
    }

    /** Reads and validates a file that holds an experiment or a gameday. */
    public static ChaosScript loadScript(Path file) throws ExperimentException {
        Objects.requireNonNull(file, "file");
        Problems problems = new Problems(file);
        Optional<String> text = YamlTree.readText(file, problems);
        if (text.isEmpty()) {
            throw new ExperimentException(problems.sorted());
        }
        return parse(text.get(), problems);
    }

    /** Validates text that holds an experiment or a gameday; {@code source} names it in problems. */
    public static ChaosScript parseScript(String source, String text) throws ExperimentException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        return parse(text, new Problems(Path.of(source)));
    }

    private static ChaosScript parse(String text, Problems problems) throws ExperimentException {
        Optional<Node> root = YamlTree.parse(text, KIND, problems);
        Optional<ChaosScript> script = root.flatMap(node -> new ExperimentBinder(text, problems).bind(node));
        if (!problems.isEmpty() || script.isEmpty()) {
            throw new ExperimentException(problems.sorted());
        }
        return script.get();
    }

    private static Experiment experiment(ChaosScript script, Path source) throws ExperimentException {
        return switch (script) {
            case Experiment e -> e;
            case Gameday g -> {
                Problems problems = new Problems(source);
                problems.add(Location.START, "this is a gameday (it lists experiments to run one after another),"
                        + " not one experiment");
                throw new ExperimentException(problems.sorted());
            }
        };
    }
}
