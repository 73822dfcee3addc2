package dev.scaler.plan;

import java.util.Locale;
import java.util.Map;

/**
 * The Content-Type an asset is uploaded with, from its file name: browsers refuse a stylesheet or a script served
 * with the wrong type ({@code X-Content-Type-Options: nosniff}), so this is not left to the origin's guess.
 */
public final class ContentTypes {
    /** What an unknown extension is served as: bytes, which no browser executes. */
    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"));

    private ContentTypes() {
    }

    /** The type for a file name or object key such as {@code css/site.css}; {@link #DEFAULT} when unknown. */
    public static String of(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot <= 0 || dot == base.length() - 1) {
            return DEFAULT;
        }
        return BY_EXTENSION.getOrDefault(base.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
    }
}
