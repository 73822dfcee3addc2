package dev.scaler.cli;

import dev.scaler.engine.CancelledException;
import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.EngineException;
import dev.scaler.plan.Images;
import dev.scaler.plan.LocalBuilds;
import dev.scaler.plan.Provenance;
import dev.scaler.provision.BuildRecords;
import dev.scaler.sql.Dialect;
import dev.scaler.topology.ImageProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler images`: build the offline image profile locally, or list which images a profile needs. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "Build or list the images scaler runs.",
        footer = {"", "Examples:", "  scaler images build", "  scaler images list --images upstream"},
        subcommands = {ImagesCommand.Build.class, ImagesCommand.ListImages.class})
final class ImagesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** `scaler images build`: runs images/build.sh, which caches what it builds outside the repo. */
    @Command(name = "build", mixinStandardHelpOptions = true, description = "Build the offline images (Debian base, HAProxy, Redis, MariaDB, web app, agent, Toxiproxy, MinIO, edge, cluster node); cached, and each build recorded by its image ID.",
            footer = {"", "Examples:", "  scaler images build", "  scaler images build --force webapp"})
    static final class Build implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "NAME", completionCandidates = ImageNames.class, description = "base, haproxy, redis, webapp, mariadb, agent, toxiproxy, minio, edge, node (default: all).")
        List<String> names = new ArrayList<>();

        @Option(names = "--force", description = "Rebuild even when a cached image matches its inputs.")
        boolean force;

        @Spec
        CommandSpec spec;

        /** The images build.sh knows, for completion. */
        static final class ImageNames extends ArrayList<String> {
            ImageNames() {
                super(LocalBuilds.NAMES);
            }
        }

        @Override
        public Integer call() throws Exception {
            Path home = home();
            Path script = home.resolve("images/build.sh");
            OutputStyle display = ScalerCommand.display(spec);
            var command = new ArrayList<>(List.of("bash", script.toString(), "--webapp-jar",
                    home.resolve("webapp/target/webapp.jar").toString()));
            if (force) {
                command.add("--force");
            }
            if (display.verbose()) {
                command.add("-v");
            }
            command.addAll(names);
            var out = spec.commandLine().getOut();
            out.flush();
            var progress = new ProgressPrinter(out, display);
            Process build = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            int code;
            try (var stop = Interrupts.onInterrupt(build::destroy);
                    var lines = build.inputReader()) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String text = line;
                    step(text).ifPresentOrElse(s -> progress.step(s.image(), s.what()), () -> {
                        if (text.startsWith("build.sh: error") || display.mode() != OutputStyle.Mode.QUIET) {
                            progress.note(text);
                        }
                    });
                }
                code = build.waitFor();
                if (stop.happened()) {
                    throw new CancelledException("interrupted; images/build.sh stopped (what it finished is cached)");
                }
            }
            if (code != 0) {
                throw new EngineException("images/build.sh failed with exit code " + code, "see its output above");
            }
            return ExitCode.OK;
        }

        /** One image's step in images/build.sh's output: "build.sh: building TAG (log: ...)", "built TAG 3.2s". */
        record Step(String image, String what) {
        }

        private static final Pattern BUILDING = Pattern.compile("build\\.sh: building (\\S+) \\(log: .*\\)");
        private static final Pattern RESULT = Pattern.compile("(built|cached)\\s+(\\S+)\\s+([0-9.]+s)");

        /** The step a line of build.sh's output reports, if it reports one. */
        static Optional<Step> step(String line) {
            Matcher building = BUILDING.matcher(line.strip());
            if (building.matches()) {
                return Optional.of(new Step(building.group(1), "building"));
            }
            Matcher result = RESULT.matcher(line.strip());
            if (result.matches()) {
                return Optional.of(new Step(result.group(2), result.group(1) + " in " + result.group(3)));
            }
            return Optional.empty();
        }
    }

    /**
     * `scaler images list`: which images a profile needs and whether the engine has them; for the offline profile,
     * whether each tag points at the build `scaler images build` recorded (labels prove nothing: an image built FROM
     * scaler's base inherits them).
     */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the images a profile needs and whether the engine has them (offline: whether each tag points at scaler's recorded build).",
            footer = {"", "Examples:", "  scaler images list", "  scaler images list --images upstream", "",
                    "Exit codes: 0 every image is there (offline: each one scaler's recorded build), 3 otherwise."})
    static final class ListImages implements Callable<Integer> {
        @Option(names = "--images", paramLabel = "PROFILE", defaultValue = "offline",
                description = "upstream or offline (default: ${DEFAULT-VALUE}).")
        ImageProfile profile;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var advice = new ArrayList<String>();
            Table table;
            try (var engine = DockerEngine.connect()) {
                switch (profile) {
                    case AUTO -> throw new UsageException("--images auto is chosen per topology by `scaler up`; "
                            + "list --images offline or --images upstream");
                    case OFFLINE -> {
                        table = new Table("IMAGE", "SOURCE", "STATE");
                        LocalBuilds builds = BuildRecords.read();
                        for (String name : LocalBuilds.NAMES) {
                            String image = LocalBuilds.tag(name);
                            Provenance p = builds.check(image, engine.imageId(image));
                            table.row(image, "scaler images build", p.state());
                            p.advice().ifPresent(advice::add);
                        }
                    }
                    case UPSTREAM -> {
                        table = new Table("IMAGE", "SOURCE", "PRESENT");
                        for (String image : List.of(Images.haproxy(profile), Images.redis(profile),
                                Images.webapp(profile), Images.database(profile, Dialect.MARIADB),
                                Images.database(profile, Dialect.MYSQL), Images.agent(profile),
                                Images.toxiproxy(profile), Images.minio(profile), Images.edge(profile))) {
                            boolean present = engine.imageId(image).isPresent();
                            table.row(image, Images.builtLocally(image) ? "built locally" : "registry",
                                    present ? "yes" : "no");
                            if (!present) {
                                advice.add(image + " is not on this engine: " + (Images.builtLocally(image)
                                        ? "build it (see images/README.md)" : "`scaler up` pulls it"));
                            }
                        }
                    }
                    default -> throw new IllegalStateException("unknown profile " + profile);
                }
            }
            table.print(out);
            if (!advice.isEmpty()) {
                out.println();
                advice.forEach(a -> out.println("  " + a));
            }
            return advice.isEmpty() ? ExitCode.OK : ExitCode.ENVIRONMENT;
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
