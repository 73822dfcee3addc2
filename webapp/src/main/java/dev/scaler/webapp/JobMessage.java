package dev.scaler.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What travels on the queue: the job id (which makes a second delivery harmless), the note and its owner. */
record JobMessage(String job, String note, String user) {
    byte[] toJson() {
        return Json.write(this);
    }

    /** Empty for a message that is not a job (it is dropped: retrying it could never succeed). */
    static Optional<JobMessage> parse(byte[] body) {
        try {
            JsonNode root = Json.tree(body);
            if (root == null || !root.path("job").isTextual() || !root.path("note").isTextual() || !root.path("user").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new JobMessage(root.get("job").textValue(), root.get("note").textValue(), root.get("user").textValue()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
