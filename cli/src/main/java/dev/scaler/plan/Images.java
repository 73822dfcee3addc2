package dev.scaler.plan;

import dev.scaler.topology.ImageProfile;

/** Which image each tier runs in each profile: pinned official images upstream, local builds offline. */
public final class Images {
    /** The load balancer in the upstream profile (official image, pinned). */
    public static final String HAPROXY_UPSTREAM = "haproxy:3.2.4";
    /** Redis in the upstream profile (official image, pinned). */
    public static final String REDIS_UPSTREAM = "redis:7.4.6";

    private Images() {
    }

    /** The HAProxy image of a profile. */
    public static String haproxy(ImageProfile profile) {
        return profile == ImageProfile.OFFLINE ? "scaler/haproxy:offline" : HAPROXY_UPSTREAM;
    }

    /** The Redis image of a profile. */
    public static String redis(ImageProfile profile) {
        return profile == ImageProfile.OFFLINE ? "scaler/redis:offline" : REDIS_UPSTREAM;
    }

    /** The bundled web app; no registry publishes it, so both profiles build it locally. */
    public static String webapp(ImageProfile profile) {
        return "scaler/webapp:" + profile.yaml();
    }

    /** True for images that `scaler images build` makes, as opposed to images pulled from a registry. */
    public static boolean builtLocally(String image) {
        return image.startsWith("scaler/");
    }
}
