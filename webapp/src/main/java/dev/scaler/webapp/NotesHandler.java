package dev.scaler.webapp;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The notes API: POST /notes, GET /notes, GET and PUT /notes/{id}. Every endpoint needs a
 * session; a note of another user answers 404 like an unknown one. Without a configured
 * database the endpoints answer 501.
 */
final class NotesHandler {
    static final String PREFIX = "/notes/";
    static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final SessionStore sessions;
    private final Optional<Notes> notes;

    NotesHandler(SessionStore sessions, Optional<Notes> notes) {
        this.sessions = sessions;
        this.notes = notes;
    }

    /** POST /notes {"text"}: 201 {"id","user","version":1,"shard","updatedAt"}. */
    Response create(Request request) {
        Notes store = notes();
        String user = SignedIn.user(sessions, request);
        String text = NoteBody.text(request.header("Content-Type"), request.body());
        Notes.Written written = store.create(user, text);
        return Response.json(201, Json.NoteWritten.of(written)).withHeader("Location", PREFIX + written.note().id());
    }

    /** PUT /notes/{id} {"text"}: 200 {"id","user","version","shard","updatedAt"}. */
    Response update(Request request) {
        Notes store = notes();
        String user = SignedIn.user(sessions, request);
        String id = id(request);
        String text = NoteBody.text(request.header("Content-Type"), request.body());
        return store.update(user, id, text)
                .map(written -> Response.json(200, Json.NoteWritten.of(written)))
                .orElseThrow(NotesHandler::noSuchNote);
    }

    /** GET /notes/{id}[?consistency=primary]: 200 with the note and its source. */
    Response read(Request request) {
        Notes store = notes();
        String user = SignedIn.user(sessions, request);
        String id = id(request);
        // An empty value (?consistency=) is a mistake like any other, not the default (schemathesis found it).
        Notes.Consistency consistency = request.queryParameter("consistency").map(value -> switch (value) {
            case "primary" -> Notes.Consistency.PRIMARY;
            default -> throw HttpError.badRequest("consistency must be primary, or absent");
        }).orElse(Notes.Consistency.DEFAULT);
        return store.read(user, id, consistency)
                .map(read -> Response.json(200, Json.NoteView.of(read)))
                .orElseThrow(NotesHandler::noSuchNote);
    }

    /** GET /notes: 200 {"notes":[{"id","version"}...],"shard","source"}. */
    Response list(Request request) {
        Notes store = notes();
        String user = SignedIn.user(sessions, request);
        return Response.json(200, Json.NoteList.of(store.list(user)));
    }

    private Notes notes() {
        return notes.orElseThrow(() -> new HttpError(501,
                "notes need a database: set SCALER_DB_PRIMARY_URL or SCALER_SHARD_URLS"));
    }

    private static String id(Request request) {
        String id = request.path().substring(PREFIX.length());
        if (!ID.matcher(id).matches()) {
            throw noSuchNote();
        }
        return id;
    }

    private static HttpError noSuchNote() {
        return new HttpError(404, "no such note");
    }
}
