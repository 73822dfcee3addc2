package dev.scaler.swarm;

/**
 * A file a service's tasks find at {@code path}, held by a Swarm object: a secret when the content holds a
 * {@code ${secret:KEY}} placeholder (filled in when the object is created), a config otherwise.
 */
public record ServiceFile(Kind kind, String object, String path, int mode, String content) {

    /** Which Swarm object holds the file. */
    public enum Kind { CONFIG, SECRET }
}
