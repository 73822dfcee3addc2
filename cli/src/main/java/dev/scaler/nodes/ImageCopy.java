package dev.scaler.nodes;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Copies images from this machine's engine into a node's engine without a registry: {@code docker save} here, {@code
 * docker load} there, streamed through the engine API. All images go in one archive, so the layers they share (the
 * offline base) travel once.
 */
public final class ImageCopy {
    private ImageCopy() {
    }

    /**
     * The offline images this engine has ({@code scaler/NAME:offline}, the node image itself aside), which is what
     * `cluster up` copies by default: a topology's images are known only when it is deployed, and every one of them
     * is one of these.
     */
    public static List<String> offlineImages(NodeHost host) {
        var tags = new TreeSet<String>();
        for (Image image : host.docker().listImagesCmd().withLabelFilter(Map.of("scaler.profile", "offline")).exec()) {
            if (image.getRepoTags() != null) {
                for (String tag : image.getRepoTags()) {
                    if (tag.matches("scaler/[a-z]+:offline") && !tag.equals(NodeHost.IMAGE)) {
                        tags.add(tag);
                    }
                }
            }
        }
        return List.copyOf(tags);
    }

    /** The images of {@code wanted} the node lacks (or has under another ID than this machine). */
    public static List<String> missing(NodeHost host, SwarmEngine node, List<String> wanted) {
        return wanted.stream().filter(image -> !id(host.docker(), image).equals(id(node.docker(), image))).toList();
    }

    /** Copies {@code images} into the node; nothing to do when the list is empty. */
    public static void copy(NodeHost host, SwarmEngine node, List<String> images) {
        if (images.isEmpty()) {
            return;
        }
        var save = host.docker().saveImagesCmd();
        for (String image : images) {
            int colon = image.lastIndexOf(':');
            save = save.withImage(image.substring(0, colon), image.substring(colon + 1));
        }
        try (InputStream archive = save.exec()) {
            node.docker().loadImageCmd(archive).exec();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot copy images to the node at " + node.address(), e);
        }
    }

    /**
     * Waits until the node has every image under this machine's ID. docker-java's load returns before the node's
     * engine has tagged the last images of a large archive, and an `up` right after `cluster up` found
     * {@code scaler/mariadb:offline} missing on the manager (seen twice on 2026-12-06).
     */
    public static void awaitLoaded(NodeHost host, SwarmEngine node, List<String> images, java.time.Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        var missing = missing(host, node, images);
        while (!missing.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new dev.scaler.engine.EngineException("node " + node.address() + " still lacks "
                        + String.join(", ", missing) + " " + patience.toSeconds() + "s after they were copied in",
                        "`scaler cluster down` and `scaler cluster up` again; `docker system df` shows whether the"
                                + " disk is full");
            }
            dev.scaler.engine.CancelledException.sleep(java.time.Duration.ofMillis(250));
            missing = missing(host, node, images);
        }
    }

    private static String id(DockerClient docker, String image) {
        try {
            return docker.inspectImageCmd(image).exec().getId();
        } catch (NotFoundException e) {
            return "";
        }
    }
}
