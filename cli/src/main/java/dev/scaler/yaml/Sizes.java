package dev.scaler.yaml;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as users write them: a whole number and {@code kb}, {@code mb} or {@code gb} (powers of 1024,
 * as Redis reads them; Redis's {@code k}/{@code m}/{@code g} mean powers of 1000, so they are refused to avoid
 * the ambiguity).
 */
public final class Sizes {

    static final Pattern SIZE = Pattern.compile("(\\d{1,9})(kb|mb|gb)");

    private Sizes() {
    }

    /** The size in bytes. */
    public static OptionalLong parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long amount = Long.parseLong(m.group(1));
        int shift = switch (m.group(2)) {
            case "kb" -> 10;
            case "mb" -> 20;
            default -> 30;
        };
        return OptionalLong.of(amount << shift);
    }

    /** The shortest spelling {@link #parse} reads back, for whole kilobytes: {@code 64mb}, {@code 1gb}. */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "gb";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "mb";
        }
        return (bytes >> 10) + "kb";
    }
}
