package dev.scaler.cli;

import dev.scaler.export.ComposeFile;
import dev.scaler.export.ExportFile;
import dev.scaler.export.KubernetesManifests;
import dev.scaler.export.Placeholders;
import dev.scaler.plan.Plan;
import dev.scaler.plan.Planner;
import dev.scaler.state.Secrets;
import dev.scaler.topology.ImageProfile;
import dev.scaler.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `scaler export FILE --format compose|kubernetes`: the plan `up` would apply, for another engine. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the plan of a topology as a docker compose project or as Kubernetes manifests, with new passwords.",
        footer = {"", "Examples:", "  scaler export topologies/web-tier.yaml --format compose --out web-tier-compose",
                "  docker-compose -f web-tier-compose/docker-compose.yml -p my-web-tier up -d",
                "  scaler export topologies/web-tier.yaml --format kubernetes --out web-tier.k8s.yaml", "",
                "Each export carries new passwords. See docs/export.md.", "",
                "Exit codes: 0 written, 2 bad topology or arguments (nothing written)."})
final class ExportCommand implements Callable<Integer> {
    /** The formats of `scaler export`. */
    enum To {
        COMPOSE, KUBERNETES
    }

    @Mixin
    TopologyFile topology;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "compose or kubernetes.")
    To format;

    @Option(names = "--out", paramLabel = "PATH", description = "compose: the directory to write (default: NAME-compose); "
            + "kubernetes: the file to write (default: standard output).")
    Optional<Path> out = Optional.empty();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Topology declared = topology.load();
        // An export runs on other machines: auto means the official images any engine can pull.
        Topology t = declared.images() == ImageProfile.AUTO ? declared.withImages(ImageProfile.UPSTREAM) : declared;
        Plan plan = Planner.plan(t);
        var err = spec.commandLine().getErr();
        var unsupported = Planner.unsupported(t);
        if (!unsupported.isEmpty()) {
            err.printf("not in the export (not provisioned by this version): %s%n", String.join(", ", unsupported));
        }
        // Fresh passwords: the export must run without this tool, so it carries its own and shares none with `up`.
        var secrets = new LinkedHashMap<String, String>();
        Placeholders.keys(plan).forEach(k -> secrets.put(k, Secrets.generate()));
        if (format == To.KUBERNETES) {
            ExportFile manifests = KubernetesManifests.render(plan, secrets);
            if (out.isEmpty()) {
                spec.commandLine().getOut().print(manifests.content());
                return ExitCode.OK;
            }
            write(out.get(), manifests);
            err.printf("wrote %s%n", out.get());
            return ExitCode.OK;
        }
        Path dir = out.orElse(Path.of(plan.project() + "-compose"));
        write(dir, ComposeFile.render(plan, secrets));
        err.printf("wrote %s (start it with: docker-compose -f %s -p NAME up -d)%n", dir.resolve(ComposeFile.FILE),
                dir.resolve(ComposeFile.FILE));
        return ExitCode.OK;
    }

    /**
     * The directories under {@code dir} (files/ and files/CONTAINER/) are 0700: the configurations there that hold a
     * password (redis.conf, the secrets under /run/secrets) must stay readable by the container's own user through
     * the bind mount, so the directory is what keeps the other accounts of the host out.
     */
    private static void write(Path dir, List<ExportFile> files) throws IOException {
        Files.createDirectories(dir);
        for (ExportFile f : files) {
            String[] parts = f.path().split("/");
            Path d = dir;
            for (int i = 0; i < parts.length - 1; i++) {
                d = d.resolve(parts[i]);
                if (!Files.isDirectory(d)) {
                    if (posix(dir)) {
                        Files.createDirectory(d, PosixFilePermissions.asFileAttribute(permissions(0700)));
                    } else {
                        Files.createDirectory(d);
                    }
                }
            }
            write(dir.resolve(f.path()), f);
        }
    }

    /**
     * Writes a file that no one else can open while it is written: a temporary file created owner-only (0600, the
     * mode of the files that hold passwords) is filled, given its mode, and moved over the target.
     */
    private static void write(Path file, ExportFile f) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        boolean posix = posix(parent);
        Path tmp = posix ? Files.createTempFile(parent, ".scaler-", ".tmp",
                PosixFilePermissions.asFileAttribute(permissions(0600)))
                : Files.createTempFile(parent, ".scaler-", ".tmp");
        try {
            Files.writeString(tmp, f.content());
            if (posix) {
                Files.setPosixFilePermissions(tmp, permissions(f.mode()));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean posix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        var set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, highest bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
