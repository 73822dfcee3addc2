package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/ci.md's recipes use only commands and options that exist, and its workflow always runs `down`. */
class CiRecipeTest {
    private static final Pattern BLOCK = Pattern.compile("```(yaml|bash)\\n(.*?)```", Pattern.DOTALL);
    /** A scaler invocation up to what the shell does with it: a quote, a redirection, || or ;. */
    private static final Pattern INVOCATION = Pattern.compile("\\./scaler ([^'\"|>;&\\n]*)");

    private static String block(String language) throws Exception {
        String page = Files.readString(dev.scaler.Repository.root().resolve("docs/ci.md"));
        Matcher m = BLOCK.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                return m.group(2);
            }
        }
        throw new AssertionError("docs/ci.md has no ```" + language + " block");
    }

    private static List<String> invocations(String text) {
        var out = new ArrayList<String>();
        Matcher m = INVOCATION.matcher(text);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    /** Parses the arguments with the tool's command tree, as `scaler` would; throws on anything it would refuse. */
    private static CommandLine.ParseResult parse(String arguments) {
        var cmd = new CommandLine(new ScalerCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        return cmd.parseArgs(arguments.split("\\s+"));
    }

    @Test
    void everyCommandOfBothRecipesParses() throws Exception {
        var commands = new ArrayList<String>();
        commands.addAll(invocations(block("yaml")));
        commands.addAll(invocations(block("bash")));
        assertThat(commands).hasSizeGreaterThanOrEqualTo(12);
        for (String c : commands) {
            var result = parse(c);
            assertThat(result.hasSubcommand()).as(c).isTrue();
            assertThat(result.unmatched()).as(c).isEmpty();
        }
        var used = commands.stream().map(c -> c.split("\\s+")[0]).distinct().toList();
        assertThat(used).contains("up", "chaos", "report", "down");
    }

    @Test
    void aMisspelledOptionWouldFailThisTest() {
        assertThatThrownBy(() -> parse("chaos gameday topologies/starter.yaml --sed 42"))
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> parse("report --format junit5")).isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void theWorkflowIsYamlAndDownAndTheReportsAlwaysRun() throws Exception {
        JsonNode workflow = new YAMLMapper().readTree(block("yaml"));
        JsonNode steps = workflow.path("jobs").path("gameday").path("steps");
        assertThat(steps.isArray()).isTrue();
        int gameday = -1;
        int down = -1;
        for (int i = 0; i < steps.size(); i++) {
            String run = steps.get(i).path("run").asText();
            if (run.contains("./scaler chaos gameday")) {
                gameday = i;
            }
            if (run.contains("./scaler down") || run.contains("./scaler report")) {
                assertThat(steps.get(i).path("if").asText()).as(run).isEqualTo("always()");
            }
            if (run.contains("./scaler down")) {
                down = i;
            }
        }
        assertThat(gameday).isNotNegative();
        assertThat(down).isEqualTo(steps.size() - 1);
        // The gate is the gameday's own exit code: nothing may swallow it.
        assertThat(steps.get(gameday).path("run").asText()).doesNotContain("||").doesNotContain("continue-on-error");
        assertThat(steps.get(gameday).has("continue-on-error")).isFalse();
        assertThat(block("bash")).contains("trap './scaler down starter' EXIT").contains("exit \"$gate\"");
    }
}
