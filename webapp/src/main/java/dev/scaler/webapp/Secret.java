package dev.scaler.webapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A password from the environment: {@code NAME}, or the content of the file {@code NAME_FILE} (the convention of the
 * official database images), which is how scaler hands them over, so that {@code docker inspect} does not show them.
 */
final class Secret {
    private Secret() {
    }

    /** The password, or empty when neither is set; a problem when both are, or the file cannot be read. */
    static Optional<String> read(Map<String, String> env, String name, List<String> problems) {
        Optional<String> direct = Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
        Optional<String> file = Config.value(env, name + "_FILE");
        if (file.isEmpty()) {
            return direct;
        }
        if (direct.isPresent()) {
            problems.add("both " + name + " and " + name + "_FILE are set; give one");
            return Optional.empty();
        }
        try {
            // As `$(cat FILE)` in the images' entry points: without the final line break.
            String text = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).replaceFirst("\\R+\\z", "");
            return Optional.of(text).filter(v -> !v.isEmpty());
        } catch (IOException e) {
            problems.add(name + "_FILE: cannot read " + file.get() + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }
}
