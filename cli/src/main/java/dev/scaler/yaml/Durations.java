package dev.scaler.yaml;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them: a whole number and a unit, {@code 500ms}, {@code 1s}, {@code 2m}, {@code 1h}. */
public final class Durations {

    static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }

    /**
     * A spelling that {@link #parse} reads back, in the largest unit that keeps it whole, except that up to 60
     * seconds or minutes stay in the smaller unit: {@code 100ms}, {@code 60s}, {@code 5m}, {@code 24h}.
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds <= 60 || seconds % 60 != 0) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes <= 60 || minutes % 60 != 0) {
            return minutes + "m";
        }
        return minutes / 60 + "h";
    }
}
