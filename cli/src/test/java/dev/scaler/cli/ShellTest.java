package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's line editor driven by typed keys (JLine's external terminal over pipes; no Docker). */
class ShellTest {
    private static final Completions.Sources NOTHING_RUNS = new Completions.Sources() {
        @Override
        public List<String> files(String prefix) {
            return List.of();
        }

        @Override
        public List<String> experiments() {
            return List.of("kill-primary", "kill-web");
        }

        @Override
        public List<String> projects() {
            return List.of();
        }

        @Override
        public List<String> containers() {
            return List.of();
        }
    };

    @TempDir
    Path dir;

    /** Types {@code keys} into a fresh shell until the input ends (Ctrl-D), and returns what the screen got. */
    private String session(String keys) throws Exception {
        var screen = new ByteArrayOutputStream();
        try (var terminal = new ExternalTerminal("test", "xterm", new ByteArrayInputStream(
                keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new org.jline.terminal.Size(160, 40));
            int code = new Shell(terminal, dir.resolve("state/scaler/history"), NOTHING_RUNS).run();
            assertThat(code).isZero();
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tabCompletesACommandAndItsOptionThenTheLineRuns() throws Exception {
        String screen = session("completion ba\t\n");
        assertThat(screen).contains("scaler> completion bash").contains("_complete_scaler");
    }

    @Test
    void tabCompletesAnExperimentName() throws Exception {
        String screen = session("chaos kill-p\t--dry-run --help\n");
        assertThat(screen).contains("chaos kill-primary --dry-run --help").contains("Run a chaos experiment");
    }

    @Test
    void helpListsTheCommandsAndHelpCommandShowsOne() throws Exception {
        String screen = session("help\nhelp chaos\nhelp nope\n");
        assertThat(screen).contains("scaler> help").contains("Commands:").contains("chaos")
                .contains("Run a chaos experiment").contains("Usage: scaler chaos")
                .contains("'nope' is not a command of scaler; the commands are up, down,").contains("exit 2");
    }

    @Test
    void aFailingCommandSaysItsExitCodeAndTheShellGoesOn() throws Exception {
        String screen = session("plan no-such-file.yaml\n--version\n");
        assertThat(screen).contains("exit 2").contains("scaler ").contains("Java ");
    }

    @Test
    void historySurvivesARestart() throws Exception {
        session("--version\n");
        Path history = dir.resolve("state/scaler/history");
        assertThat(Files.readString(history)).contains("--version");
        // A new shell: the up arrow (ESC O A, xterm in keypad mode) brings back the previous shell's last line.
        String screen = session("\u001bOA\n");
        assertThat(screen).contains("scaler> --version").contains("Java " + Runtime.version().feature());
    }

    @Test
    void exitLeaves() throws Exception {
        assertThat(session("exit\n--version\n")).doesNotContain("Java ");
    }

    @Test
    void historyLivesUnderTheUsersStateDirectory() {
        assertThat(Shell.historyFile(Map.of("XDG_STATE_HOME", "/s"), "/home/ann")).isEqualTo(Path.of("/s/scaler/history"));
        assertThat(Shell.historyFile(Map.of(), "/home/ann")).isEqualTo(Path.of("/home/ann/.local/state/scaler/history"));
    }
}
