package dev.scaler.topology;

import java.util.Map;
import java.util.Optional;

/** The stateless web tier; {@code autoscale} when its replica count follows its load. */
public record Web(String image, int replicas, SessionStore sessions, Map<String, String> env,
        Optional<Autoscale> autoscale) {

    /** A web tier with a fixed replica count. */
    public Web(String image, int replicas, SessionStore sessions, Map<String, String> env) {
        this(image, replicas, sessions, env, Optional.empty());
    }

    /** The image name that means "the reference app bundled with scaler". */
    public static final String BUNDLED_IMAGE = "scaler/webapp";
    /** The most web replicas a topology may ask for; one machine's memory is the real bound (`scale` checks it). */
    public static final int MAX_REPLICAS = 64;

    public Web {
        env = Map.copyOf(env);
    }

    /** True when the user runs the bundled reference app rather than an image of their own. */
    public boolean bundled() {
        return BUNDLED_IMAGE.equals(image);
    }
}
