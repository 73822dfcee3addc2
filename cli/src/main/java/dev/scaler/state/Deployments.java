package dev.scaler.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What each project runs, as `up`, `scale` and `deploy` last left it, in {@code .scaler/deployed/<project>.json},
 * and the one before in {@code <project>.previous.json}: `scale` changes the replica count of what runs, `rollback`
 * returns to the previous one.
 */
public final class Deployments {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One deployed spec: the topology file's text and where it was read (relative paths in it are relative to that
     * file), the image profile it ran with, and the web replica count when `scale` changed it (0: the file's).
     */
    public record Deployed(String source, String text, String images, int webReplicas) {
        /** The same spec with another web replica count. */
        public Deployed withWebReplicas(int replicas) {
            return new Deployed(source, text, images, replicas);
        }
    }

    private final Path dir;

    private Deployments(Path dir) {
        this.dir = dir;
    }

    /** The deployments kept under a state directory. */
    public static Deployments in(Path stateDir) {
        return new Deployments(stateDir.resolve("deployed"));
    }

    /** What the project runs now, empty when no `up` of this state directory made it. */
    public Optional<Deployed> current(String project) {
        return read(file(project, ""));
    }

    /** What it ran before the last change, empty when there was none. */
    public Optional<Deployed> previous(String project) {
        return read(file(project, ".previous"));
    }

    /** Records a new spec of the project (`up`, `deploy`); what it ran before becomes the previous one if it differs. */
    public void record(String project, Deployed now) {
        Optional<Deployed> before = current(project);
        if (before.isPresent() && !before.get().equals(now)) {
            try {
                Files.move(file(project, ""), file(project, ".previous"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file(project, ".previous"), e);
            }
        }
        replace(project, now);
    }

    /** Changes the current spec without making it a new one to roll back from (`scale`). */
    public void replace(String project, Deployed now) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, project, ".tmp");
            JSON.writeValue(tmp.toFile(), now);
            Files.move(tmp, file(project, ""), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(project, ""), e);
        }
    }

    /** Forgets the project (it was taken down). */
    public void forget(String project) {
        try {
            Files.deleteIfExists(file(project, ""));
            Files.deleteIfExists(file(project, ".previous"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file(project, ""), e);
        }
    }

    private Optional<Deployed> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Deployed.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + "; remove it and run `scaler up FILE` again", e);
        }
    }

    private Path file(String project, String suffix) {
        return dir.resolve(project + suffix + ".json");
    }
}
