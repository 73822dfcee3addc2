package dev.scaler.cli;

import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.Engine;
import dev.scaler.plan.Labels;
import dev.scaler.plan.ObservedContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The shell's completion values from outside: files here, experiment names ({@link ChaosScripts}), and the projects
 * and containers Docker's labels show now (asked at most once a second; nothing when no engine answers, so Tab never
 * fails).
 */
final class ShellSources implements Completions.Sources, AutoCloseable {
    private static final long FRESH_NANOS = 1_000_000_000L;

    private Optional<Engine> engine = Optional.empty();
    private List<ObservedContainer> seen = List.of();
    private long seenAt;
    private boolean unreachable;

    @Override
    public List<String> files(String prefix) {
        int slash = prefix.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : prefix.substring(0, slash + 1);
        String namePart = prefix.substring(slash + 1);
        Path dir = Path.of(dirPart.isEmpty() ? "." : dirPart);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        var out = new ArrayList<String>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.sorted().forEach(p -> {
                String name = p.getFileName().toString();
                if (!name.startsWith(namePart) || name.startsWith(".") && !namePart.startsWith(".")) {
                    return;
                }
                if (Files.isDirectory(p)) {
                    out.add(dirPart + name + "/");
                } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    out.add(dirPart + name);
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    @Override
    public List<String> experiments() {
        return ChaosScripts.names();
    }

    @Override
    public List<String> projects() {
        var names = new TreeSet<String>();
        containersNow().forEach(c -> names.add(c.labels().get(Labels.PROJECT)));
        return List.copyOf(names);
    }

    @Override
    public List<String> containers() {
        return containersNow().stream().map(ObservedContainer::name).sorted().toList();
    }

    private synchronized List<ObservedContainer> containersNow() {
        if (unreachable) {
            return List.of();
        }
        if (System.nanoTime() - seenAt < FRESH_NANOS) {
            return seen;
        }
        try {
            if (engine.isEmpty()) {
                engine = Optional.of(DockerEngine.connect());
            }
            seen = engine.get().containers(Optional.empty());
            seenAt = System.nanoTime();
        } catch (RuntimeException e) {
            // No engine: the shell still completes commands, options and files.
            unreachable = true;
            return List.of();
        }
        return seen;
    }

    @Override
    public synchronized void close() {
        engine.ifPresent(Engine::close);
    }
}
