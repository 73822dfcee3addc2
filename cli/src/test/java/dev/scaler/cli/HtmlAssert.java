package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

/** What makes an HTML report self-contained: nothing in it makes a browser fetch anything. */
public final class HtmlAssert {
    private HtmlAssert() {
    }

    public static void selfContained(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>");
        // Availability, throughput and latency, then one per sampled vital sign when the run was sampled.
        assertThat(html.split("<svg ", -1).length).as("three timelines at least").isGreaterThanOrEqualTo(4);
        // Nothing that makes a browser fetch: no script, stylesheet link, image, frame, font or CSS url().
        for (String fetches : List.of("<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(",
                "src=", "href=", "@font-face")) {
            assertThat(html.toLowerCase(java.util.Locale.ROOT)).as(fetches).doesNotContain(fetches);
        }
        // Any URL text is a target shown to the reader, on loopback.
        var urls = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+").matcher(html);
        while (urls.find()) {
            assertThat(urls.group()).matches("(?i)http://127\\.0\\.0\\.1");
        }
    }

}
