package dev.scaler.webapp;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Makes unguessable session ids and recognises well-formed ones before any store lookup. */
final class SessionIds {
    private static final int BYTES = 16; // 128 bits: guessing one live id is hopeless
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    // 16 bytes encode to exactly 22 url-safe characters; anything else never came from us.
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final SecureRandom random;

    SessionIds(SecureRandom random) {
        this.random = random;
    }

    String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    static boolean isWellFormed(String id) {
        return WELL_FORMED.matcher(id).matches();
    }
}
