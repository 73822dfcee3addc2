package dev.scaler.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The static assets a page references, as a browser would fetch them: the absolute http(s) URLs of its stylesheets,
 * scripts and images. The reference app references assets only through its CDN, so these are the CDN's URLs; a page
 * without any gives none, and the load then fetches no assets.
 */
public final class PageAssets {
    // <link ... href="..."> with rel=stylesheet, <script ... src="...">, <img ... src="...">, double-quoted.
    private static final Pattern TAG = Pattern.compile("<(link|script|img)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("\\b(?:href|src)\\s*=\\s*\"(https?://[^\"\\s]+)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLESHEET = Pattern.compile("\\brel\\s*=\\s*\"stylesheet\"", Pattern.CASE_INSENSITIVE);

    private PageAssets() {
    }

    /** Each referenced asset once, in page order. */
    public static List<URI> of(String html) {
        var out = new LinkedHashSet<URI>();
        var tags = TAG.matcher(html == null ? "" : html);
        while (tags.find()) {
            String attributes = tags.group(2);
            if (tags.group(1).equalsIgnoreCase("link") && !STYLESHEET.matcher(attributes).find()) {
                continue;
            }
            var url = URL.matcher(attributes);
            if (url.find()) {
                try {
                    out.add(URI.create(url.group(1)));
                } catch (IllegalArgumentException ignored) {
                    // not a URL a browser could fetch either
                }
            }
        }
        return new ArrayList<>(out);
    }
}
