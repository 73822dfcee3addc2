package dev.scaler.cli;

import dev.scaler.engine.DockerEngine;
import dev.scaler.plan.ObservedContainer;
import java.util.List;
import java.util.Optional;

/** What integration tests ask the real engine: what a project left behind, and a way to kill a container. */
final class Docker implements AutoCloseable {
    final DockerEngine engine = DockerEngine.connect();

    List<ObservedContainer> containers(String project) {
        return engine.containers(Optional.of(project));
    }

    /** Containers, networks and volumes the project still has, one string each; empty means nothing left. */
    List<String> leftovers(String project) {
        var out = new java.util.ArrayList<String>();
        containers(project).forEach(c -> out.add("container " + c.name()));
        engine.networks(project).forEach(n -> out.add("network " + n));
        engine.volumes(project).forEach(v -> out.add("volume " + v));
        return out;
    }

    ObservedContainer container(String name) {
        return engine.containers(Optional.empty()).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    void kill(String name) {
        engine.signal(container(name).id(), "KILL");
    }

    /**
     * Starts a container scaler did not create (`docker run`, as a user would), sleeping, with these labels; returns
     * its id. Tests use it to show that scaler never touches what is not its own.
     */
    String sleeper(String name, String image, java.util.Map<String, String> labels) {
        var command = new java.util.ArrayList<>(List.of("docker", "run", "-d", "--name", name, "--entrypoint", "sleep"));
        labels.forEach((k, v) -> command.addAll(List.of("--label", k + "=" + v)));
        command.addAll(List.of(image, "600"));
        cli(List.of("docker", "rm", "-f", name));
        return cli(command).lines().reduce((a, b) -> b).orElseThrow();
    }

    /** Docker's own word for a container's state, for any container, labelled or not. */
    String stateOf(String name) {
        return cli(List.of("docker", "inspect", "-f", "{{.State.Status}}", name)).strip();
    }

    /** `docker inspect -f FORMAT` of a container. */
    String inspect(String name, String format) {
        return cli(List.of("docker", "inspect", "-f", format, name)).strip();
    }

    /** `docker exec` of a command in a container: its output, or an AssertionError when it fails. */
    String exec(String name, String... command) {
        var all = new java.util.ArrayList<>(List.of("docker", "exec", name));
        all.addAll(List.of(command));
        return cli(all).strip();
    }

    /** The docker command line with these arguments, as a user would type it; its output (fails the test on error). */
    static String run(String... args) {
        var command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return cli(command);
    }

    /**
     * An image made from another by a Dockerfile of these lines after its FROM (`docker build`, as a user would
     * make a new version of a web image); it carries a label that makes {@link #removeImage} safe.
     */
    void image(String tag, String from, String... lines) {
        try {
            var context = java.nio.file.Files.createTempDirectory("scaler-image");
            java.nio.file.Files.writeString(context.resolve("Dockerfile"), "FROM " + from + "\nLABEL scaler.test=image\n"
                    + String.join("\n", lines) + "\n");
            cli(List.of("docker", "build", "-q", "-t", tag, context.toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void removeImage(String tag) {
        cli(List.of("docker", "rmi", "-f", tag));
    }

    /** An environment variable of a container as Docker has it. */
    String env(String name, String variable) {
        return cli(List.of("docker", "inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", name)).lines()
                .filter(l -> l.startsWith(variable + "=")).map(l -> l.substring(variable.length() + 1)).findFirst()
                .orElse("");
    }

    private static String cli(List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            if (process.waitFor() != 0 && !command.contains("rm")) {
                throw new AssertionError(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Removes whatever an earlier, crashed run of this test left (by label, as `down` does). */
    void clear(String project) {
        new dev.scaler.provision.Down(engine, dev.scaler.engine.Progress.SILENT).run(project, false);
    }

    @Override
    public void close() {
        engine.close();
    }
}
