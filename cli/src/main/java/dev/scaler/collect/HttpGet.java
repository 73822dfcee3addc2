package dev.scaler.collect;

import dev.scaler.monitor.Reading;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One GET of a tier's own HTTP interface made a reading: what its answer says, or silent when none comes. */
final class HttpGet {
    /** What an answer says; may fail reading the body. */
    interface Answer<T> {
        Reading of(HttpResponse<T> answer) throws IOException;
    }

    private HttpGet() {
    }

    /** Sends {@code request}; {@code what} names the interface in the reason of a silent reading. */
    static <T> Reading read(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body, String what,
            Answer<T> answer) {
        try {
            return answer.of(http.send(request, body));
        } catch (IOException e) {
            return new Reading.Silent(what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reading.Silent("interrupted");
        }
    }
}
