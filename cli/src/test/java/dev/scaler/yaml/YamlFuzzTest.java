package dev.scaler.yaml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Negative controls: the loaders' property fails for each way a loader can break it. */
class YamlFuzzTest {
    private static final String SOURCE = "f.yaml";

    private static final class Located extends Exception {
        private final List<Problem> problems;

        Located(Problem... problems) {
            this.problems = List.of(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private static void check(String text, YamlFuzz.Loader loader) {
        YamlFuzz.loadsOrFailsLocated(text, SOURCE, Located.class, loader, Duration.ofMillis(200));
    }

    @Test
    void anUnexpectedExceptionFailsIt() {
        assertThatThrownBy(() -> check("a: 1\n", t -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("not a Located");
    }

    @Test
    void aHangFailsIt() {
        assertThatThrownBy(() -> check("a: 1\n", t -> Thread.sleep(10_000)))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("hung");
    }

    @Test
    void aProblemOutsideTheTextFailsIt() {
        assertThatThrownBy(() -> check("a: 1\n", t -> {
            throw new Located(new Problem(SOURCE, 3, 1, "past the end"));
        })).isInstanceOf(AssertionError.class).hasMessageContaining("past the end");
        assertThatThrownBy(() -> check("a: 1\n", t -> {
            throw new Located(new Problem(SOURCE, 1, 7, "right of the line"));
        })).isInstanceOf(AssertionError.class).hasMessageContaining("right of the line");
    }

    @Test
    void aProblemInAnotherFileFailsIt() {
        assertThatThrownBy(() -> check("a: 1\n", t -> {
            throw new Located(new Problem("other.yaml", 1, 1, "elsewhere"));
        })).isInstanceOf(AssertionError.class);
    }

    @Test
    void locatedProblemsAndLoadingPass() {
        check("a: 1\n", t -> {
            throw new Located(new Problem(SOURCE, 1, 5, "at the end of the line"), new Problem(SOURCE, 0, 0, "file"));
        });
        check("a: 1\n", t -> { });
    }
}
