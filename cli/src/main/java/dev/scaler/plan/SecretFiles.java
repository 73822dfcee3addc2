package dev.scaler.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Passwords reach containers as files, never as environment values, so {@code docker inspect} does not show them:
 * each {@code NAME=${secret:KEY}} of a container's environment becomes {@code NAME_FILE=/run/secrets/KEY} (the
 * {@code *_FILE} convention of the official database images, which MinIO and scaler's web app follow too) and a
 * file at that path holds the placeholder, filled in when `up` copies it in.
 */
public final class SecretFiles {
    /** Where the files go inside a container. */
    public static final String DIR = "/run/secrets";

    // Mode 0444: Docker copies files in owned by root, and the services read them as their own unprivileged user
    // (mysql, nobody, the web app's 10001); nothing else runs in those containers.
    static final int MODE = 0444;

    private static final Pattern ONE_PLACEHOLDER = Pattern.compile("\\$\\{secret:([a-z0-9._-]+)}");
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\$\\{secret:");

    private SecretFiles() {
    }

    /** The plan with every secret of every environment moved into a file. */
    static Plan apply(Plan plan) {
        return new Plan(plan.project(), plan.imageProfile(), plan.networks(), plan.volumes(),
                plan.containers().stream().map(SecretFiles::apply).toList(), plan.proxies());
    }

    /** The path of the file that holds a secret. */
    public static String path(String key) {
        return DIR + "/" + key;
    }

    static ContainerSpec apply(ContainerSpec c) {
        var env = new LinkedHashMap<String, String>();
        var files = new ArrayList<>(c.files());
        // In the names' order: a spec's env is a Map.copyOf, whose order changes from one JVM to the next, and the
        // files' order is part of the spec's hash, so any other order would make `up` replace the container.
        new TreeMap<>(c.env()).forEach((name, value) -> {
            var m = ONE_PLACEHOLDER.matcher(value);
            if (m.matches()) {
                String path = path(m.group(1));
                env.put(name + "_FILE", path);
                if (files.stream().noneMatch(f -> f.path().equals(path))) {
                    files.add(new ContainerFile(path, value, MODE));
                }
            } else if (ANY_PLACEHOLDER.matcher(value).find()) {
                // A secret inside a longer value cannot become a file; the planner never writes one.
                throw new IllegalStateException(c.name() + ": " + name + " embeds a secret in a longer value");
            } else {
                env.put(name, value);
            }
        });
        return new ContainerSpec(c.name(), c.tier(), c.index(), c.image(), c.command(), env, c.ports(), c.labels(),
                c.healthCheck(), c.dependsOn(), c.mounts(), files, c.network(), c.aliases(), c.otherNetworks());
    }
}
