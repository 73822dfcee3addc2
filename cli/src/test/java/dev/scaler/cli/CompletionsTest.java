package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What Tab offers, from the real command tree, with files and Docker replaced by fixed answers. */
class CompletionsTest {
    private static final Completions.Sources HERE = new Completions.Sources() {
        @Override
        public List<String> files(String prefix) {
            return List.of("topologies/", "topologies/web-tier.yaml", "starter.yaml").stream()
                    .filter(f -> f.startsWith(prefix)).toList();
        }

        @Override
        public List<String> experiments() {
            return List.of("kill-primary", "kill-web", "my-test");
        }

        @Override
        public List<String> projects() {
            return List.of("shop", "web-tier");
        }

        @Override
        public List<String> containers() {
            return List.of("shop-db-1", "shop-db-2");
        }
    };

    private final Completions completions = new Completions(new CommandLine(new ScalerCommand()).getCommandSpec(), HERE);

    private List<String> after(String line) {
        var words = List.of(line.split(" ", -1));
        return completions.after(words.subList(0, words.size() - 1), words.get(words.size() - 1)).stream()
                .map(Completions.Candidate::value).toList();
    }

    @Test
    void theFirstWordIsACommandAndHiddenOnesAreNotOffered() {
        assertThat(after("")).contains("up", "down", "chaos", "shell", "completion", "images").doesNotContain("agent");
    }

    @Test
    void aLeadingScalerIsAllowed() {
        assertThat(after("scaler ")).contains("up", "status");
    }

    @Test
    void optionsOfTheCommandIncludingInheritedOnes() {
        assertThat(after("up -")).contains("--images", "--timeout", "--help", "--quiet", "--verbose", "--stacktrace");
        assertThat(after("load --")).contains("--rate", "--duration", "--warmup").doesNotContain("--images");
    }

    @Test
    void enumValuesAsUsersWriteThem() {
        assertThat(after("up --images ")).containsExactly("auto", "upstream", "offline");
        assertThat(after("status --format ")).containsExactly("table", "json");
        assertThat(after("completion ")).containsExactly("bash", "zsh");
    }

    @Test
    void topologyFilesWhereAFileGoes() {
        assertThat(after("up topologies/w")).containsExactly("topologies/web-tier.yaml");
        assertThat(after("plan ")).contains("topologies/", "starter.yaml");
        assertThat(after("report --out ")).contains("starter.yaml");
    }

    @Test
    void filesOrRunningProjectsWhereEitherGoes() {
        assertThat(after("down ")).contains("starter.yaml", "shop", "web-tier");
        assertThat(after("status --project ")).containsExactly("shop", "web-tier");
    }

    @Test
    void experimentNamesThenTheProject() {
        assertThat(after("chaos ")).contains("kill-primary", "kill-web", "my-test", "starter.yaml");
        assertThat(after("chaos kill-primary ")).contains("shop", "web-tier").doesNotContain("kill-web");
        assertThat(after("demo --experiment ")).contains("kill-primary");
    }

    @Test
    void containersWhereANodeGoes() {
        assertThat(after("failover --to ")).containsExactly("shop-db-1", "shop-db-2");
    }

    @Test
    void anOptionsValueIsSkippedWhenCountingPositionals() {
        assertThat(after("chaos --seed 42 ")).contains("kill-primary");
        assertThat(after("images build ")).contains("redis", "webapp", "toxiproxy");
    }

    @Test
    void aDirectoryIsNotACompleteWord() {
        var dir = completions.after(List.of("plan"), "topo").stream().filter(c -> c.value().equals("topologies/"))
                .findFirst().orElseThrow();
        assertThat(dir.complete()).isFalse();
    }
}
