package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The whole command tree: every command shows examples, the version, and the completion script bash loads. */
class CommandTreeTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandsHelpHasAnExamplesSection() {
        var missing = new ArrayList<String>();
        walk(new CommandLine(new ScalerCommand()).getCommandSpec(), missing);
        assertThat(missing).as("commands whose --help has no Examples section").isEmpty();
    }

    private static void walk(CommandSpec spec, List<String> missing) {
        String help = spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
        if (!help.lines().anyMatch(l -> l.startsWith("Examples"))
                || !help.substring(help.indexOf("Examples")).lines().skip(1).findFirst().orElse("").startsWith("  ")) {
            missing.add(spec.qualifiedName());
        }
        spec.subcommands().values().stream().distinct().forEach(sub -> walk(sub.getCommandSpec(), missing));
    }

    @Test
    void versionSaysWhichScalerAndWhichJava() {
        var r = Scaler.run("--version");
        assertThat(r.code()).as(r.transcript()).isZero();
        assertThat(r.out()).containsPattern("^scaler \\S+").contains("Java " + Runtime.version().feature());
    }

    @Test
    void quietAndVerboseTogetherExitTwo() {
        var r = Scaler.run("--quiet", "--verbose", "images", "build");
        assertThat(r.code()).as(r.transcript()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--quiet and --verbose contradict each other");
    }

    @Test
    void bashLoadsTheCompletionScriptAndCompletesASubcommand() throws Exception {
        var r = Scaler.run("completion", "bash");
        assertThat(r.code()).as(r.transcript()).isZero();
        Path script = dir.resolve("scaler.bash");
        Files.writeString(script, r.out());
        // Loads the script, checks it registered a completion for scaler, then asks it what `scaler sta<Tab>` and
        // `scaler up --ima<Tab>` give, as bash's completion machinery would.
        String probe = "source " + script + " && complete -p scaler"
                + " && COMP_WORDS=(scaler sta) COMP_CWORD=1 COMP_LINE='scaler sta' COMP_POINT=10 && _complete_scaler"
                + " && echo \"words: ${COMPREPLY[*]}\""
                + " && COMP_WORDS=(scaler up --ima) COMP_CWORD=2 COMP_LINE='scaler up --ima' COMP_POINT=15"
                + " && _complete_scaler && echo \"options: ${COMPREPLY[*]}\"";
        Process bash = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.exitValue()).as(out).isZero();
        assertThat(out).contains("-F _complete_scaler").contains("words: status")
                .contains("options: --images");
    }

    @Test
    void zshLoadsTheSameScriptThroughBashcompinit() throws Exception {
        var r = Scaler.run("completion", "zsh");
        assertThat(r.code()).as(r.transcript()).isZero();
        Path script = dir.resolve("scaler.zsh");
        Files.writeString(script, r.out());
        Process zsh = new ProcessBuilder("zsh", "-c", "autoload -U +X compinit && compinit -u && source " + script
                + " && echo \"registered: ${_comps[scaler]}\"").redirectErrorStream(true).start();
        assertThat(zsh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(zsh.getInputStream().readAllBytes());
        assertThat(zsh.exitValue()).as(out).isZero();
        assertThat(out).contains("registered: _bash_complete -F _complete_scaler");
    }
}
