package dev.scaler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The interactive loop of `scaler shell`: each line runs through {@link Cli#run} like a command line (the same
 * commands, fresh for every line), with completion from {@link Completions} and history kept in a file. Ctrl-C at
 * the prompt drops the line; Ctrl-C while a command runs stops that command ({@link Interrupts}), not the shell;
 * Ctrl-D or {@code exit} leaves.
 */
final class Shell {
    private static volatile Optional<Terminal> current = Optional.empty();

    private final Terminal terminal;
    private final Path history;
    private final Completions.Sources sources;

    Shell(Terminal terminal, Path history, Completions.Sources sources) {
        this.terminal = terminal;
        this.history = history;
        this.sources = sources;
    }

    /** The shell's terminal while a shell runs, for the commands that draw on it (`top`). */
    static Optional<Terminal> terminal() {
        return current;
    }

    /** Where history is kept: $XDG_STATE_HOME/scaler/history, else ~/.local/state/scaler/history. */
    static Path historyFile(Map<String, String> env, String home) {
        String state = env.getOrDefault("XDG_STATE_HOME", "");
        Path base = state.isBlank() ? Path.of(home, ".local", "state") : Path.of(state);
        return base.resolve("scaler").resolve("history");
    }

    /** Reads and runs lines until Ctrl-D or exit; returns 0. */
    int run() throws IOException {
        Files.createDirectories(history.getParent());
        var root = new picocli.CommandLine(new ScalerCommand()).getCommandSpec();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("scaler")
                .parser(new DefaultParser())
                .completer(new ShellCompleter(new Completions(root, sources)))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
        PrintWriter out = terminal.writer();
        out.println("scaler shell: Tab completes, Ctrl-C stops the running command, Ctrl-D leaves (history: "
                + history + ")");
        out.flush();
        Thread shellThread = Thread.currentThread();
        // While a command runs the terminal is not in raw mode, so Ctrl-C is a signal: it goes to the command.
        terminal.handle(Terminal.Signal.INT, signal -> {
            if (!Interrupts.interrupt()) {
                shellThread.interrupt();
            }
        });
        current = Optional.of(terminal);
        try {
            while (true) {
                Thread.interrupted();
                String line;
                try {
                    line = reader.readLine("scaler> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
                if (!words.isEmpty() && words.get(0).equals("scaler")) {
                    words = words.subList(1, words.size());
                }
                if (words.isEmpty()) {
                    continue;
                }
                if (words.size() == 1 && List.of("exit", "quit").contains(words.get(0))) {
                    break;
                }
                int code = Cli.run(out, out, words.toArray(String[]::new));
                if (code != ExitCode.OK) {
                    out.println("exit " + code);
                    out.flush();
                }
            }
        } finally {
            current = Optional.empty();
            reader.getHistory().save();
        }
        return ExitCode.OK;
    }
}
