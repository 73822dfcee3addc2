package dev.scaler.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fault journal of one project ({@code .scaler/chaos/<project>.jsonl}): a run writes {@code begin}, then every
 * fault before it is applied, {@code undone} when it is undone, and removes the file when it ends. A file left
 * behind by a run whose process is gone lists exactly what a crash left in effect.
 */
public final class Journal {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);

    /** One line of the file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String op, Long pid, String processStart, String run, Fault fault, Integer id) {
    }

    /**
     * The process running an experiment on the project.
     *
     * @param processStart when that process started, so a reused pid is not mistaken for it
     */
    public record Owner(long pid, String processStart, String run) {
        /** This process. */
        public static Owner current(String run) {
            var me = ProcessHandle.current();
            return new Owner(me.pid(), me.info().startInstant().map(Instant::toString).orElse(""), run);
        }

        /** True while that very process still runs. */
        public boolean alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> processStart.isEmpty()
                            || p.info().startInstant().map(Instant::toString).orElse("").equals(processStart))
                    .orElse(false);
        }
    }

    /** What the file says: who began the run, and the faults not yet undone, in the order they were applied. */
    public record State(Optional<Owner> owner, List<Fault> pending) {
        public State {
            pending = List.copyOf(pending);
        }
    }

    private final Path file;

    private Journal(Path file) {
        this.file = file;
    }

    /** The journal of a project under the state directory. */
    public static Journal of(Path stateDir, String project) {
        return new Journal(stateDir.resolve("chaos").resolve(project + ".jsonl"));
    }

    public Path file() {
        return file;
    }

    /** Starts the journal of a run; the caller checked that no other run holds it. */
    public void begin(Owner owner) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fault journal " + file, e);
        }
        append(new Line("begin", owner.pid(), owner.processStart(), owner.run(), null, null));
    }

    /** Records a fault; called before it is applied, so a crash in between still undoes it. */
    public void applying(Fault fault) {
        append(new Line("fault", null, null, null, fault, null));
    }

    /** Records that a fault is undone (or left to failover on purpose). */
    public void undone(int id) {
        append(new Line("undone", null, null, null, null, id));
    }

    /** The run is over and nothing it did is in effect: the journal goes away. */
    public void end() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the fault journal " + file, e);
        }
    }

    /** Reads the file; empty state when there is none. A torn last line (a crash mid-write) is ignored. */
    public State read() {
        if (!Files.isRegularFile(file)) {
            return new State(Optional.empty(), List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fault journal " + file, e);
        }
        Optional<Owner> owner = Optional.empty();
        Map<Integer, Fault> pending = new LinkedHashMap<>();
        for (String text : lines) {
            if (text.isBlank()) {
                continue;
            }
            Line line;
            try {
                line = JSON.readValue(text, Line.class);
            } catch (IOException torn) {
                continue;
            }
            switch (line.op()) {
                case "begin" -> owner = Optional.of(new Owner(line.pid() == null ? -1 : line.pid(),
                        line.processStart() == null ? "" : line.processStart(), line.run() == null ? "" : line.run()));
                case "fault" -> {
                    if (line.fault() != null) {
                        pending.put(line.fault().id(), line.fault());
                    }
                }
                case "undone" -> {
                    if (line.id() != null) {
                        pending.remove(line.id());
                    }
                }
                default -> {
                    // A newer tool's line: nothing this one can undo.
                }
            }
        }
        return new State(owner, new ArrayList<>(pending.values()));
    }

    private synchronized void append(Line line) {
        // Written and forced to disk before the fault is applied: the journal must survive a SIGKILL right after.
        try (var out = new FileOutputStream(file.toFile(), true)) {
            out.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fault journal " + file, e);
        }
    }
}
