package dev.scaler.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * That a deploy of a project runs now: {@code .scaler/deploying/<project>} holds the id of the process that deploys,
 * from its first batch until it is done or rolled back, so the autoscaler does not change the replica count under
 * it. A marker left by a process that is gone (killed outright) counts as no deploy.
 */
public final class DeployMarker {
    private final Path dir;

    private DeployMarker(Path dir) {
        this.dir = dir;
    }

    /** The markers kept under a state directory. */
    public static DeployMarker in(Path stateDir) {
        return new DeployMarker(stateDir.resolve("deploying"));
    }

    /** A marker held: closing it removes it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Marks the project as being deployed by this process until the returned handle is closed. */
    public Held hold(String project) {
        Path file = dir.resolve(project);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return () -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file, e);
            }
        };
    }

    /** The id of the live process that deploys the project now, if one does. */
    public Optional<Long> running(String project) {
        Path file = dir.resolve(project);
        try {
            long pid = Long.parseLong(Files.readString(file).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
