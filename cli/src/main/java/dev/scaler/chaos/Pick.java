package dev.scaler.chaos;

/**
 * What the brackets of a target say: nothing ({@code web}: one, chosen at random), a number ({@code web[2]}: that
 * member; for shards, {@code shard[1]}: that shard) or a star ({@code web[*]}: every one).
 */
public sealed interface Pick {

    /** No brackets: one of the matching containers, chosen at random with the run's seed. */
    record Any() implements Pick {
    }

    /** {@code [*]}: every matching container. */
    record Every() implements Pick {
    }

    /** {@code [n]}: member n of the tier, or shard n for {@code shard}; counted from 1. */
    record Number(int value) implements Pick {
        public Number {
            if (value < 1) {
                throw new IllegalArgumentException("members and shards are numbered from 1, not " + value);
            }
        }
    }

    Pick ANY = new Any();
    Pick EVERY = new Every();

    /** How the brackets are written: "", "[*]", "[2]". */
    default String text() {
        return switch (this) {
            case Any a -> "";
            case Every e -> "[*]";
            case Number n -> "[" + n.value() + "]";
        };
    }
}
