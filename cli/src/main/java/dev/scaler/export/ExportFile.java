package dev.scaler.export;

/** One file an export writes, relative to where the user asked for it; {@code mode} is its Unix permission bits. */
public record ExportFile(String path, String content, int mode) {
}
