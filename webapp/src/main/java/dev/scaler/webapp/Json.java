package dev.scaler.webapp;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The app's one ObjectMapper and the JSON shapes it answers with. */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // `{"user":"a"} junk` is a broken client, not a login for "a".
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Sessions written by a newer replica during a rolling update must still be readable.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Body of every error response. */
    record Error(String error) {}

    /** Who is logged in, and which replica answered. */
    record UserView(String user, String instance) {}

    /** The session user's account, where it was read from (replica or primary), and which web replica answered. */
    record AccountView(String user, String createdAt, String lastLogin, String source, String instance) {
        static AccountView of(Account a, String instance) {
            return new AccountView(a.user(), a.createdAt().toString(), a.lastLogin().toString(), a.source().toString(),
                    instance);
        }
    }

    /** Which replica answered, and where it runs. */
    record WhereView(String instance, String datacenter) {}

    /** Answer to a write (201 on create, 200 on update): what a client needs to verify it later. */
    record NoteWritten(String id, String user, long version, int shard, String updatedAt) {
        static NoteWritten of(Notes.Written written) {
            Note n = written.note();
            return new NoteWritten(n.id(), n.user(), n.version(), written.shard(), n.updatedAt().toString());
        }
    }

    /** A note as read, with where the answer came from: cache, replica or primary. */
    record NoteView(String id, String user, String text, long version, int shard, String updatedAt, String source) {
        static NoteView of(Notes.Read read) {
            Note n = read.note();
            return new NoteView(n.id(), n.user(), n.text(), n.version(), read.shard(), n.updatedAt().toString(),
                    read.source().toString());
        }
    }

    /** The session user's notes. */
    record NoteList(java.util.List<NoteVersion> notes, int shard, String source) {
        static NoteList of(Notes.Listing listing) {
            return new NoteList(listing.notes(), listing.shard(), listing.source().toString());
        }
    }

    /** A digest job: queued until a worker did it, then done with what it found; {@code result} only when done. */
    record JobView(String id, String note, String state, int shard, String submittedAt, int completions,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            ResultView result) {
        static JobView of(Job job, int shard) {
            return new JobView(job.id(), job.note(), job.done() ? "done" : "queued", shard, job.submittedAt().toString(),
                    job.completions(), job.result().map(ResultView::of).orElse(null));
        }
    }

    /** What the worker derived from the note, from which version of it, and when. */
    record ResultView(int words, String sha256, long noteVersion, String doneAt) {
        static ResultView of(JobResult r) {
            return new ResultView(r.digest().words(), r.digest().sha256(), r.noteVersion(), r.doneAt().toString());
        }
    }

    private Json() {}

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    static JsonNode tree(byte[] json) throws JsonProcessingException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            // Nothing is read but memory; what lands here is bad text, such as a body Jackson takes for UTF-32 that
            // holds no UTF-32 (CharConversionException). That is the client's error, not the server's.
            throw new JsonParseException(null, "not a JSON text: " + e.getMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }
}
