package dev.scaler.export;

import dev.scaler.plan.ContainerSpec;
import dev.scaler.plan.Plan;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code ${secret:KEY}} placeholders of a plan: an export must carry the secrets to another engine, which has no
 * `.scaler/secrets`, so each format says where a secret lives (an env file, a Kubernetes Secret).
 */
public final class Placeholders {
    /** The same syntax {@code state.Secrets} fills when `up` applies a plan. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{secret:([a-z0-9._-]+)}");

    private Placeholders() {
    }

    /** Every secret key the plan's environments and files use, sorted. */
    public static SortedSet<String> keys(Plan plan) {
        var keys = new TreeSet<String>();
        plan.containers().stream().flatMap(Placeholders::texts).forEach(text -> keys.addAll(keys(text)));
        return keys;
    }

    private static Stream<String> texts(ContainerSpec c) {
        return Stream.concat(c.env().values().stream(), c.files().stream().map(f -> f.content()));
    }

    /** The secret keys one text uses, in order of first use. */
    static java.util.List<String> keys(String text) {
        var keys = new java.util.ArrayList<String>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!keys.contains(m.group(1))) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    /** True when the text holds a placeholder. */
    static boolean has(String text) {
        return PLACEHOLDER.matcher(text).find();
    }

    /** The text with each placeholder replaced by what {@code replacement} makes of its key. */
    static String replace(String text, Function<String, String> replacement) {
        return rewrite(text, literal -> literal, replacement);
    }

    /** The text with the parts between placeholders passed through {@code literal} and each placeholder through {@code secret}. */
    static String rewrite(String text, Function<String, String> literal, Function<String, String> secret) {
        Matcher m = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            out.append(literal.apply(text.substring(from, m.start()))).append(secret.apply(m.group(1)));
            from = m.end();
        }
        return out.append(literal.apply(text.substring(from))).toString();
    }

    /** The text with each placeholder replaced by its value. */
    static String fill(String text, Map<String, String> secrets) {
        return replace(text, key -> {
            String v = secrets.get(key);
            if (v == null) {
                throw new IllegalArgumentException("no value for secret " + key);
            }
            return v;
        });
    }

    /** The environment variable that carries a secret, e.g. redis.password -> SCALER_SECRET_REDIS_PASSWORD. */
    static String variable(String key) {
        return "SCALER_SECRET_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
