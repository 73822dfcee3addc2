package dev.scaler.engine;

import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.NetworkSpec;
import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.VolumeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The few things scaler asks of a container engine; Docker is the one implementation, tests may fake it. */
public interface Engine extends AutoCloseable {

    /** Containers that carry the project label (every container of every project when project is empty). */
    List<ObservedContainer> containers(Optional<String> project);

    /** Names of the project's networks. */
    List<String> networks(String project);

    /** Names of the project's volumes. */
    List<String> volumes(String project);

    void createNetwork(NetworkSpec network);

    void removeNetwork(String name);

    void createVolume(VolumeSpec volume);

    void removeVolume(String name);

    /** Names of the project's configs and secrets on an orchestrator (a swarm); a single engine has none. */
    default List<String> clusterFiles(String project) {
        return List.of();
    }

    /** Removes one of {@link #clusterFiles}. */
    default void removeClusterFile(String name) {
        throw new UnsupportedOperationException("a single engine keeps no configs or secrets");
    }

    /** The id of a local image, empty when it is not there. */
    Optional<String> imageId(String image);

    /** Pulls an image; false when the registry cannot be reached or does not have it. */
    boolean pull(String image, Duration timeout);

    /** Creates a container with secrets already filled in; files are copied in before it starts. */
    String create(ContainerSpec spec, Map<String, String> env, Map<String, byte[]> files, String specHash);

    void start(String id);

    /** Health as Docker sees it. */
    Health health(String id);

    /** Runs a command inside a running container; a non-zero exit code when it failed or timed out. */
    Exec exec(String id, List<String> command, Duration timeout);

    /** The exit code of a container that has exited; empty while it runs. */
    java.util.OptionalInt exitCode(String id);

    /** The files under a directory of a container (running or exited), by path relative to that directory. */
    Map<String, byte[]> copyOut(String id, String directory);

    /** The last lines the container printed. */
    List<String> logs(String id, int lines);

    /** Stops gracefully within the timeout, then removes the container. */
    void remove(String id, Duration stopTimeout);

    /** Sends a signal to the container's main process. */
    void signal(String id, String signal);

    /** Stops gracefully (SIGTERM, then SIGKILL after the timeout) and keeps the container; stopped already is fine. */
    void stop(String id, Duration timeout);

    /** Renames a container (a rolling deploy starts a replica under a temporary name, then gives it the old one). */
    void rename(String id, String name);

    /** The memory the engine's machine has, in bytes. */
    long memoryTotal();

    /** The CPUs the engine's machine has (at least 1). */
    int cpus();

    /** What a running container uses now, in bytes (page cache that can be dropped left out); empty when unknown. */
    java.util.OptionalLong memoryUsage(String id);

    /** Freezes every process of the container (the cgroup freezer); paused already is fine. */
    void pause(String id);

    /** Thaws a paused container; not paused is fine. */
    void unpause(String id);

    @Override
    void close();
}
