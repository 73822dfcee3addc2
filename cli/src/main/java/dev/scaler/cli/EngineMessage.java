package dev.scaler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;

/** The engine's own words out of a docker-java error, whose message is "Status N: {json}" (the status is printed apart). */
final class EngineMessage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineMessage() {
    }

    static String of(DockerException e) {
        String raw = String.valueOf(e.getMessage()).replaceFirst("^Status \\d+: ", "");
        int brace = raw.indexOf('{');
        if (brace >= 0) {
            try {
                var message = JSON.readTree(raw.substring(brace)).path("message");
                if (message.isTextual()) {
                    return message.asText();
                }
            } catch (java.io.IOException notJson) {
                // fall through to the raw text
            }
        }
        return raw.strip();
    }
}
