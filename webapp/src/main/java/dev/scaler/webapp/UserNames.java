package dev.scaler.webapp;

import java.util.regex.Pattern;

/** The rule for user names: short and plain, so they are safe in keys, logs and JSON. */
final class UserNames {
    static final String RULE = "user must be 1..64 characters of A-Z a-z 0-9 _ . @ -";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    private UserNames() {}

    static boolean isValid(String user) {
        return VALID.matcher(user).matches();
    }
}
