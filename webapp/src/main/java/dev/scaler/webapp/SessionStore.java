package dev.scaler.webapp;

import java.util.Optional;

/**
 * Where sessions live: outside the web process, so any replica can serve any user.
 *
 * <p>Every method throws {@link SessionStoreUnavailableException} when the store does not answer.
 */
public interface SessionStore extends AutoCloseable {

    /** Starts a session for a valid user name. */
    Session create(String user);

    /** The live session with this id, its expiry pushed back because it is being used. */
    Optional<Session> find(String id);

    /** Ends the session; ending an unknown one is not an error. */
    void delete(String id);

    /** Releases connections; narrowed so callers need no try/catch. */
    @Override
    void close();
}
