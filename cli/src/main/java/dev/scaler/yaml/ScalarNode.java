package dev.scaler.yaml;

/**
 * A scalar as written (without its quotes). Numbers and booleans are not interpreted here, so that the binder
 * decides what each field accepts and can quote the user's own text back in a message. {@code isNull} is true
 * for an empty value ({@code key:}), {@code ~} and {@code null}; its text is then what was written.
 */
public record ScalarNode(String text, boolean isNull, Location location) implements Node {

    public ScalarNode {
        if (text == null || location == null) {
            throw new IllegalArgumentException("a scalar needs text and a location");
        }
    }

    @Override
    public String describe() {
        return isNull ? "nothing" : "'" + text + "'";
    }
}
