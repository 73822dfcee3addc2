package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scaler.yaml.Problem;
import java.util.List;

/** Test helpers: parse experiment text that must load, or that must fail with given problems. */
final class Experiments {

    static final String SOURCE = "test.yaml";

    private Experiments() {
    }

    static Experiment ok(String yaml) {
        try {
            return ExperimentLoader.parse(SOURCE, yaml);
        } catch (ExperimentException e) {
            throw new AssertionError("expected the experiment to load, got:\n" + e.getMessage(), e);
        }
    }

    static List<Problem> problems(String yaml) {
        ExperimentException e = catchThrowableOfType(ExperimentException.class,
                () -> ExperimentLoader.parseScript(SOURCE, yaml));
        assertThat(e).as("expected problems in:\n%s", yaml).isNotNull();
        return e.problems();
    }

    /** Exactly one problem, at line:column, whose message contains {@code gist}. */
    static Problem only(String yaml, int line, int column, String gist) {
        List<Problem> problems = problems(yaml);
        assertThat(problems).as("problems").hasSize(1);
        Problem problem = problems.get(0);
        assertThat(problem.line() + ":" + problem.column()).as("where: %s", problem).isEqualTo(line + ":" + column);
        assertThat(problem.message()).contains(gist);
        return problem;
    }
}
