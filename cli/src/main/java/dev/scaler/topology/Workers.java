package dev.scaler.topology;

/**
 * The worker tier: replicas that consume the {@code jobs} queue, each its own container. {@code image} is
 * {@link #REFERENCE} for the worker bundled in the reference app, or the user's image reading the documented
 * {@code SCALER_QUEUE_*} contract.
 */
public record Workers(int replicas, String image, int prefetch, int concurrency) {
    /** The image name that means "the reference worker bundled with scaler" (the web app image, command {@code worker}). */
    public static final String REFERENCE = "reference";
    /** The most worker replicas a topology may ask for. */
    public static final int MAX_REPLICAS = 64;

    /** True when the reference worker runs rather than an image of the user's. */
    public boolean reference() {
        return REFERENCE.equals(image);
    }
}
