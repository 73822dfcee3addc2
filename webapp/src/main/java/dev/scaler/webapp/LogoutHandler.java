package dev.scaler.webapp;

import java.util.Map;

/** POST /logout: ends the session in the store and tells the browser to drop the cookie. */
final class LogoutHandler implements Handler {
    private final SessionStore sessions;

    LogoutHandler(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Response handle(Request request) {
        // Logging out twice, or without a session, still succeeds: the end state is the same.
        request.cookie(Cookies.SESSION).ifPresent(sessions::delete);
        return Response.json(200, Map.of("loggedOut", true))
                .withHeader("Set-Cookie", Cookies.expiredSession());
    }
}
