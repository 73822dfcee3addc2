package dev.scaler.webapp;

/** POST /login: checks the user name, starts a session and hands the browser its cookie. */
final class LoginHandler implements Handler {
    private final SessionStore sessions;
    private final String instance;
    private final UserDirectory users;

    LoginHandler(SessionStore sessions, String instance, UserDirectory users) {
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
        Session session = sessions.create(user);
        // In the background: the users table is bookkeeping, and a database outage must not slow logins.
        Thread.ofVirtual().name("scaler-user-upsert").start(() -> users.recordLogin(user));
        return Response.json(200, new Json.UserView(session.user(), instance))
                .withHeader("Set-Cookie", Cookies.session(session.id()));
    }
}
