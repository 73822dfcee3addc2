package dev.scaler.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scaler.yaml.Problem;
import java.util.List;

/** Test helpers: parse text that must load, or that must fail with given problems. */
final class Topologies {

    static final String SOURCE = "test.yaml";

    private Topologies() {
    }

    static Topology ok(String yaml) {
        return ok(yaml, SOURCE);
    }

    static Topology ok(String yaml, String source) {
        try {
            return TopologyLoader.parse(yaml, source);
        } catch (TopologyException e) {
            throw new AssertionError("expected the topology to load, got:\n" + e.getMessage(), e);
        }
    }

    static List<Problem> problems(String yaml) {
        return problems(yaml, SOURCE);
    }

    static List<Problem> problems(String yaml, String source) {
        TopologyException e = catchThrowableOfType(TopologyException.class,
                () -> TopologyLoader.parse(yaml, source));
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
