package dev.scaler.webapp;

import java.util.Optional;

/**
 * POST /login: checks the user name, records the login on the main database (when there is one; a database that does
 * not answer fails the login with 503 and starts no session), starts a session and hands the browser its cookie.
 */
final class LoginHandler implements Handler {
    private final SessionStore sessions;
    private final String instance;
    private final Optional<UserDirectory> users;

    LoginHandler(SessionStore sessions, String instance, Optional<UserDirectory> users) {
        this.sessions = sessions;
        this.instance = instance;
        this.users = users;
    }

    @Override
    public Response handle(Request request) {
        String user = LoginBody.user(request.header("Content-Type"), request.body());
        if (!UserNames.isValid(user)) {
            throw HttpError.badRequest(UserNames.RULE);
        }
        users.ifPresent(directory -> directory.recordLogin(user));
        Session session = sessions.create(user);
        return Response.json(200, new Json.UserView(session.user(), instance))
                .withHeader("Set-Cookie", Cookies.session(session.id()));
    }
}
