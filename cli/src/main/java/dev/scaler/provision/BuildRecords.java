package dev.scaler.provision;

import dev.scaler.plan.LocalBuilds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads what images/build.sh records in the cache directory: {@code images/NAME/HASH} holds the ID of the image it
 * built for NAME from inputs HASH. No records (a fresh machine, or images made by an older build.sh) means no image
 * counts as scaler's own until `scaler images build` runs.
 */
public final class BuildRecords {
    private BuildRecords() {
    }

    /** The cache directory images/build.sh uses: SCALER_CACHE, else /var/cache/scaler. */
    public static Path cache() {
        String env = System.getenv("SCALER_CACHE");
        return Path.of(env == null || env.isBlank() ? "/var/cache/scaler" : env);
    }

    /** The records of the cache directory {@link #cache()}. */
    public static LocalBuilds read() {
        return read(cache());
    }

    /** The records under {@code cache/images}; none when it does not exist. */
    public static LocalBuilds read(Path cache) {
        var ids = new HashMap<String, Set<String>>();
        for (String name : LocalBuilds.NAMES) {
            Path dir = cache.resolve("images").resolve(name);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> records = Files.list(dir)) {
                var set = new HashSet<String>();
                for (Path record : records.filter(p -> !p.getFileName().toString().endsWith(".part")).toList()) {
                    String id = Files.readString(record).strip();
                    if (!id.isEmpty()) {
                        set.add(id);
                    }
                }
                ids.put(name, set);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the image build records in " + dir, e);
            }
        }
        return new LocalBuilds(ids);
    }
}
