package dev.scaler.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * That a long-running command works on a project now: {@code .scaler/<kind>/<project>} holds the id of its process
 * and one line of what it last said. A deploy holds one from its first batch until it is done or rolled back, so the
 * autoscaler does not change the replica count under it; the autoscaler holds one so `top` can show its latest
 * decision. A marker left by a process that is gone (killed outright) counts as none.
 */
public final class ProcessMarker {
    private final Path dir;

    private ProcessMarker(Path dir) {
        this.dir = dir;
    }

    /** The markers of deploys under a state directory. */
    public static ProcessMarker deploying(Path stateDir) {
        return new ProcessMarker(stateDir.resolve("deploying"));
    }

    /** The markers of autoscalers under a state directory. */
    public static ProcessMarker autoscaling(Path stateDir) {
        return new ProcessMarker(stateDir.resolve("autoscaling"));
    }

    /** The live process that holds a project's marker, and the last line it wrote there ("" before any). */
    public record Holder(long pid, String says) {
    }

    /** A marker held: {@link #say} replaces its line; closing it removes it. */
    public interface Held extends AutoCloseable {
        /** Replaces what the marker says. */
        void say(String line);

        @Override
        void close();
    }

    /** Marks the project as worked on by this process until the returned handle is closed. */
    public Held hold(String project) {
        Path file = dir.resolve(project);
        long pid = ProcessHandle.current().pid();
        write(file, pid + "\n");
        return new Held() {
            @Override
            public void say(String line) {
                write(file, pid + "\n" + line.replace('\n', ' ') + "\n");
            }

            @Override
            public void close() {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove " + file, e);
                }
            }
        };
    }

    /** The live process that holds the project's marker now, if one does. */
    public Optional<Holder> running(String project) {
        Path file = dir.resolve(project);
        try {
            String[] lines = Files.readString(file).split("\n", 2);
            long pid = Long.parseLong(lines[0].strip());
            String says = lines.length > 1 ? lines[1].strip() : "";
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> new Holder(pid, says));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void write(Path file, String text) {
        try {
            Files.createDirectories(dir);
            // A reader (top) must never see half a line: write aside, then move over.
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(part, text);
            Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
