package dev.scaler.webapp;

/** Who sent a request: the user of its session cookie, or 401. */
final class SignedIn {
    private SignedIn() {}

    static String user(SessionStore sessions, Request request) {
        return request.cookie(Cookies.SESSION)
                .flatMap(sessions::find)
                .map(Session::user)
                .orElseThrow(HttpError::unauthorized);
    }
}
