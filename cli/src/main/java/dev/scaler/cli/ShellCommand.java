package dev.scaler.cli;

import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;

/** `scaler shell`: the same commands at a prompt, with completion of what is there now, and history. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "An interactive prompt for every scaler command, with Tab completion of commands, options, "
                + "topology files, experiment names, running projects and containers, and history kept across runs.",
        footer = {"", "Examples:", "  scaler shell", "  scaler> up --images offline topologies/web-tier.yaml",
                "  scaler> chaos kill-<Tab>", "",
                "Ctrl-C stops the running command (it rolls back what it did) and keeps the shell; Ctrl-D or exit "
                        + "leaves.",
                "History: $XDG_STATE_HOME/scaler/history (default ~/.local/state/scaler/history)."})
final class ShellCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        if (Shell.terminal().isPresent()) {
            throw new UsageException("already in the shell");
        }
        // JLine asks the terminal what it supports and waits 200 ms for the answer; an answer that comes later (a busy
        // machine, a slow link) would be read as typed text. The wait ends as soon as the terminal answers.
        if (System.getProperty(TerminalBuilder.PROP_PROBE_TIMEOUT) == null) {
            System.setProperty(TerminalBuilder.PROP_PROBE_TIMEOUT, "2000");
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("scaler").build();
                var sources = new ShellSources()) {
            return new Shell(terminal, Shell.historyFile(System.getenv(), System.getProperty("user.home")), sources)
                    .run();
        }
    }
}
