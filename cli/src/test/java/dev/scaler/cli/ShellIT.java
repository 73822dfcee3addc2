package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.EngineIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `scaler shell` in a real pseudo-terminal (tmux): Tab completes commands, files and the projects Docker's labels
 * show; Ctrl-C stops a running load and the shell stays; Ctrl-D leaves; history survives a restart. The screens are
 * kept in target/shell-transcript.txt (docs/commands.md shows one).
 */
class ShellIT extends EngineIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path JAR = ROOT.resolve("cli/target/scaler.jar");

    @TempDir
    Path dir;

    @Test
    void completesStopsACommandWithCtrlCAndRemembers() throws Exception {
        assertThat(JAR).as("the packaged jar (mvn verify builds it before the integration tests)").exists();
        String id = UUID.randomUUID().toString().substring(0, 6);
        String project = "shellit" + id;
        var transcript = new StringBuilder();
        Map<String, String> env = Map.of("XDG_STATE_HOME", dir.resolve("state").toString(), "SCALER_STATE_DIR",
                dir.resolve(".scaler").toString(), "PS1", "$ ");
        String start = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + JAR + " shell; echo shell-exit=$?";
        try (var docker = new Docker(); var tmux = new Tmux("shellit-" + id, ROOT, env)) {
            // A container labelled as a project of scaler's, as `up` would leave it: Tab should offer its project.
            docker.sleeper(project + "-web-1", "scaler/base:bookworm", Map.of("scaler.project", project,
                    "scaler.tier", "web", "scaler.index", "1"));
            try {
                tmux.type(start);
                tmux.press("Enter");
                tmux.await("scaler>", WAIT);

                tmux.type("pl");
                tmux.press("Tab");
                tmux.await("scaler> plan", WAIT);
                tmux.type("topologies/web-t");
                tmux.press("Tab");
                tmux.await("scaler> plan topologies/web-tier.yaml", WAIT);
                tmux.press("Enter");
                tmux.await("project web-tier", WAIT);

                tmux.type("status " + project.substring(0, 9));
                tmux.press("Tab");
                tmux.await("scaler> status " + project, WAIT);
                tmux.press("Enter");
                String status = tmux.await(project + "-web-1", WAIT);

                tmux.type("chaos kill-pr");
                tmux.press("Tab");
                tmux.await("scaler> chaos kill-primary", WAIT);
                tmux.press("C-c"); // at the prompt: the line is dropped, the shell stays
                transcript.append(tmux.await("scaler>", WAIT)).append("\n\n");

                tmux.clear();
                tmux.type("load --target http://127.0.0.1:9/ --rate 5 --duration 60s --warmup 0s");
                tmux.press("Enter");
                tmux.await("req/s", WAIT);
                tmux.press("C-c"); // while the load runs: the load stops, what it measured is stored, exit 4
                String stopped = tmux.await("exit 4\nscaler>", WAIT); // and the shell prompts again
                assertThat(stopped).contains("interrupted; what was measured until then is stored in");
                transcript.append(stopped).append("\n\n");

                tmux.press("C-d");
                tmux.await("shell-exit=0", WAIT);
                assertThat(Files.readString(dir.resolve("state/scaler/history"))).contains("load --target");

                tmux.clear();
                tmux.type(start);
                tmux.press("Enter");
                tmux.await("scaler>", WAIT);
                tmux.press("Up");
                transcript.append(tmux.await("scaler> load --target http://127.0.0.1:9/", WAIT));
                tmux.press("C-c");
                tmux.await("--warmup 0s\nscaler>", WAIT);
                tmux.press("C-d");
                tmux.await("shell-exit=0", WAIT);
                assertThat(status).contains("web");
            } finally {
                Files.writeString(ROOT.resolve("cli/target/shell-transcript.txt"), transcript);
                docker.clear(project);
            }
        }
    }
}
