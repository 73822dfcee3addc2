package dev.scaler.chaos;

import java.util.Optional;

/** Removes every toxic of a link ({@code heal: web -> cache}), or of every proxy ({@code heal: all}). */
public record Heal(Optional<Link> link) implements Action {

    /** {@code heal: all}. */
    public static final Heal ALL = new Heal(Optional.empty());

    @Override
    public String keyword() {
        return "heal";
    }
}
