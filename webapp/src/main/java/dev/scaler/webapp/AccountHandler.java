package dev.scaler.webapp;

import java.util.Optional;

/** GET /account: the session user's account row from the main database; 501 without one. */
final class AccountHandler implements Handler {
    private final SessionStore sessions;
    private final Optional<UserDirectory> users;
    private final String instance;

    AccountHandler(SessionStore sessions, Optional<UserDirectory> users, String instance) {
        this.sessions = sessions;
        this.users = users;
        this.instance = instance;
    }

    @Override
    public Response handle(Request request) {
        UserDirectory directory = users.orElseThrow(() -> new HttpError(501,
                "accounts need a main database: set SCALER_DB_PRIMARY_URL"));
        String user = SignedIn.user(sessions, request);
        return directory.find(user)
                .map(account -> Response.json(200, Json.AccountView.of(account, instance)))
                .orElseThrow(() -> new HttpError(404, "no account for " + user + ": log in again"));
    }
}
