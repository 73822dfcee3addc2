package dev.scaler.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler completion bash|zsh`: the completion script Picocli generates from the command tree. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a completion script for bash or zsh (commands, options, enum values, experiment names, "
                + "files).",
        footer = {"", "Examples:", "  source <(scaler completion bash)", "  source <(scaler completion zsh)",
                "  echo 'source <(scaler completion bash)' >> ~/.bashrc",
                "", "Inside `scaler shell` completion also knows running projects and containers."})
final class CompletionCommand implements Callable<Integer> {
    /** The shells Picocli's script supports: it is a bash script that zsh loads through bashcompinit. */
    enum Shell { BASH, ZSH }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = new CommandLine(new ScalerCommand());
        var out = spec.commandLine().getOut();
        // The generated script starts with the lines zsh needs (compinit, bashcompinit), so one script serves both.
        out.print(AutoComplete.bash("scaler", root));
        out.flush();
        return ExitCode.OK;
    }
}
