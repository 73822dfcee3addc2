package dev.scaler.sql;

import java.util.regex.Pattern;

/** SQL literals and the names scaler puts into statements, checked so that a statement is never broken by one. */
final class Quote {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_]{1,32}");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    private Quote() {
    }

    /**
     * A string literal. Quotes are doubled (valid in every SQL mode); backslashes are doubled too, which is right in
     * the default mode of both servers (backslash escapes on) and would only add a backslash under
     * {@code NO_BACKSLASH_ESCAPES}, which scaler never sets.
     */
    static String literal(String s) {
        if (s.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new IllegalArgumentException("control characters are not allowed in SQL strings here");
        }
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** A user name: letters, digits and underscores (at most 32, MySQL's limit). */
    static String user(String name) {
        return literal(check(USER, name, "user name"));
    }

    /** {@code 'user'@'%'}. */
    static String account(String name) {
        return user(name) + "@'%'";
    }

    /** A database name, backquoted: letters, digits and underscores. */
    static String database(String name) {
        return "`" + check(DATABASE, name, "database name") + "`";
    }

    /** A database name as a GRANT pattern: {@code _} is a wildcard there, so it is escaped. */
    static String databasePattern(String name) {
        return "`" + check(DATABASE, name, "database name").replace("_", "\\_") + "`";
    }

    /** A host name or address, quoted. */
    static String host(String host) {
        return literal(check(HOST, host, "host"));
    }

    private static String check(Pattern p, String value, String what) {
        if (value == null || !p.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid " + what + ": " + value);
        }
        return value;
    }
}
