package dev.scaler.webapp;

/** GET /me: who the session cookie belongs to, as seen by whichever replica answers. */
final class MeHandler implements Handler {
    private final SessionStore sessions;
    private final String instance;

    MeHandler(SessionStore sessions, String instance) {
        this.sessions = sessions;
        this.instance = instance;
    }

    @Override
    public Response handle(Request request) {
        Session session = request.cookie(Cookies.SESSION)
                .flatMap(sessions::find)
                .orElseThrow(HttpError::unauthorized);
        return Response.json(200, new Json.UserView(session.user(), instance));
    }
}
