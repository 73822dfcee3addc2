package dev.scaler.swarm;

/** The plan asks for nodes the swarm does not have (no node at all, or none labelled with a datacenter). */
public final class PlacementException extends RuntimeException {
    private final String hint;

    public PlacementException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What the user can do about it. */
    public String hint() {
        return hint;
    }
}
