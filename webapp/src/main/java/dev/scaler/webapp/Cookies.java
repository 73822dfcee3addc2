package dev.scaler.webapp;

import java.util.List;
import java.util.Optional;

/** Reads the session cookie from Cookie headers and writes the Set-Cookie values. */
final class Cookies {
    static final String SESSION = "SCALER_SESSION";
    // Lax: the cookie rides top-level navigations but not cross-site POSTs (a cheap CSRF guard).
    private static final String ATTRIBUTES = "; Path=/; HttpOnly; SameSite=Lax";

    private Cookies() {}

    /** The first cookie called {@code name} across all Cookie headers (RFC 6265 section 5.4 sends them in one, some proxies split). */
    static Optional<String> find(List<String> cookieHeaders, String name) {
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                if (pair.substring(0, eq).trim().equals(name)) {
                    String value = pair.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return Optional.of(value).filter(v -> !v.isEmpty());
                }
            }
        }
        return Optional.empty();
    }

    static String session(String id) {
        return SESSION + "=" + id + ATTRIBUTES;
    }

    static String expiredSession() {
        return SESSION + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + ATTRIBUTES;
    }
}
