package dev.scaler.cli;

import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.EngineException;
import dev.scaler.plan.Images;
import dev.scaler.topology.ImageProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler images`: build the offline image profile locally, or list which images a profile needs. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "Build or list the images scaler runs.",
        subcommands = {ImagesCommand.Build.class, ImagesCommand.ListImages.class})
final class ImagesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** `scaler images build`: runs images/build.sh, which caches what it builds outside the repo. */
    @Command(name = "build", mixinStandardHelpOptions = true, description = "Build the offline images (Debian base, HAProxy, Redis, MariaDB, web app, agent, Toxiproxy); cached.",
            footer = {"", "Examples:", "  scaler images build", "  scaler images build --force webapp"})
    static final class Build implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "NAME", description = "base, haproxy, redis, webapp, mariadb, agent, toxiproxy (default: all).")
        List<String> names = new ArrayList<>();

        @Option(names = "--force", description = "Rebuild even when a cached image matches its inputs.")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path home = home();
            Path script = home.resolve("images/build.sh");
            var command = new ArrayList<>(List.of("bash", script.toString(), "--webapp-jar",
                    home.resolve("webapp/target/webapp.jar").toString()));
            if (force) {
                command.add("--force");
            }
            command.addAll(names);
            spec.commandLine().getOut().flush();
            int code = new ProcessBuilder(command).directory(home.toFile()).inheritIO().start().waitFor();
            if (code != 0) {
                throw new EngineException("images/build.sh failed with exit code " + code, "see its output above");
            }
            return ExitCode.OK;
        }
    }

    /** `scaler images list`: which images a profile needs and whether the engine has them. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the images a profile needs and whether the engine has them.")
    static final class ListImages implements Callable<Integer> {
        @Option(names = "--images", paramLabel = "PROFILE", defaultValue = "offline",
                description = "upstream or offline (default: ${DEFAULT-VALUE}).")
        ImageProfile profile;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var table = new Table("IMAGE", "SOURCE", "PRESENT");
            try (var engine = DockerEngine.connect()) {
                for (String image : List.of(Images.haproxy(profile), Images.redis(profile), Images.webapp(profile),
                        Images.database(profile, dev.scaler.sql.Dialect.MARIADB), Images.agent(profile),
                        Images.toxiproxy(profile))) {
                    table.row(image, Images.builtLocally(image) ? "scaler images build" : "registry",
                            engine.imageId(image).isPresent() ? "yes" : "no");
                }
            }
            table.print(spec.commandLine().getOut());
            return ExitCode.OK;
        }
    }

    /** The scaler checkout: SCALER_HOME (set by the launcher), else the nearest parent with images/build.sh. */
    static Path home() {
        String env = Optional.ofNullable(System.getProperty("scaler.home")).orElse(System.getenv("SCALER_HOME"));
        if (env != null && Files.isRegularFile(Path.of(env, "images/build.sh"))) {
            return Path.of(env).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("images/build.sh"))) {
                return p;
            }
        }
        throw new UsageException("images/build.sh not found: run `scaler images build` through the ./scaler "
                + "launcher of a scaler checkout, or set SCALER_HOME to one");
    }
}
