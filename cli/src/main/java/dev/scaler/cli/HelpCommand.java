package dev.scaler.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler help [COMMAND...]`: the list of commands, or one command's help; the same at the `scaler shell` prompt. */
@Command(name = "help", mixinStandardHelpOptions = true,
        description = "List the commands, or show the help of one (the same as COMMAND --help).",
        footer = {"", "Examples:", "  scaler help", "  scaler help chaos", "  scaler help images build",
                "  scaler> help up"})
final class HelpCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "COMMAND", completionCandidates = Names.class,
            description = "A command, and a subcommand of it (images build).")
    List<String> command = List.of();

    @Spec
    CommandSpec spec;

    /** The commands, for completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return visible(new CommandLine(new ScalerCommand())).iterator();
        }
    }

    /** The names of a command's subcommands that its help lists (hidden ones, like agent, left out). */
    static List<String> visible(CommandLine command) {
        return command.getSubcommands().values().stream().filter(c -> !c.getCommandSpec().usageMessage().hidden())
                .map(CommandLine::getCommandName).distinct().toList();
    }

    @Override
    public Integer call() {
        CommandLine shown = spec.parent().commandLine();
        for (String name : command) {
            CommandLine sub = shown.getSubcommands().get(name);
            if (sub == null) {
                throw new UsageException("'" + name + "' is not a command of " + shown.getCommandSpec().qualifiedName()
                        + (shown.getSubcommands().isEmpty() ? ", which has none"
                        : "; the commands are " + String.join(", ", visible(shown))));
            }
            shown = sub;
        }
        shown.usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
