package dev.scaler.engine;

import dev.scaler.plan.ContainerFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Packs generated files as the tar stream Docker's copy-to-container API takes. */
final class Tar {
    private Tar() {
    }

    /** A tar of the given contents, keyed by absolute path, with each file's mode from the spec. */
    static InputStream of(Map<String, byte[]> contents, List<ContainerFile> files) {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (ContainerFile file : files) {
                byte[] content = contents.get(file.path());
                var entry = new TarArchiveEntry(file.path().replaceFirst("^/", ""));
                entry.setSize(content.length);
                entry.setMode(file.mode());
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
