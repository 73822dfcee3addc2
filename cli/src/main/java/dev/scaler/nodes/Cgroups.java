package dev.scaler.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cgroup directories a node's engine made on this machine ({@code /sys/fs/cgroup/CONTROLLER/NODE/...}, from its
 * {@code --cgroup-parent}): the host's engine does not know them, so they outlive the node unless removed.
 */
final class Cgroups {
    private Cgroups() {
    }

    /** The node's cgroup directories, one per controller hierarchy that has one. */
    static List<Path> of(Path root, String node) {
        var out = new ArrayList<Path>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> controllers = Files.list(root)) {
            for (Path controller : controllers.toList()) {
                Path dir = controller.resolve(node);
                if (!Files.isSymbolicLink(controller) && Files.isDirectory(dir)) {
                    out.add(dir);
                }
            }
        } catch (IOException e) {
            // An unreadable hierarchy holds nothing of ours that could be removed anyway.
        }
        return out;
    }

    /**
     * Removes the directories, deepest first (a cgroup goes with rmdir once it is empty of processes and children);
     * returns those that would not go.
     */
    static List<Path> remove(List<Path> dirs) {
        var left = new ArrayList<Path>();
        for (Path dir : dirs) {
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path p : tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                left.add(dir);
            }
        }
        return left;
    }
}
