package dev.scaler.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md's arrows for load and report: load imports nothing of ours; report only load's data types. */
class PackageRulesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/scaler");
    private static final Pattern OURS = Pattern.compile("^import (static )?(dev\\.scaler\\.[a-z]+)\\.([A-Za-z]+)", Pattern.MULTILINE);
    private static final Set<String> LOAD_DATA = Set.of("FailureKind", "Journey", "JourneyMix", "LedgerEntry", "LoadResult",
            "LostWrite", "Verification", "Window");

    private static List<String> violations(String pkg, java.util.function.BiPredicate<String, String> allowed)
            throws IOException {
        var out = new ArrayList<String>();
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            for (Path f : files.toList()) {
                var m = OURS.matcher(Files.readString(f));
                while (m.find()) {
                    if (!allowed.test(m.group(2), m.group(3))) {
                        out.add(f.getFileName() + " imports " + m.group(2) + "." + m.group(3));
                    }
                }
                String text = Files.readString(f);
                var qualified = Pattern.compile("dev\\.scaler\\.([a-z]+)\\.([A-Z][A-Za-z]+)").matcher(text);
                while (qualified.find()) {
                    if (!allowed.test("dev.scaler." + qualified.group(1), qualified.group(2))) {
                        out.add(f.getFileName() + " uses " + qualified.group());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void loadImportsNothingOfOurs() throws IOException {
        assertThat(violations("load", (pkg, cls) -> pkg.equals("dev.scaler.load"))).isEmpty();
    }

    @Test
    void reportImportsOnlyTheDataTypesOfLoad() throws IOException {
        assertThat(violations("report", (pkg, cls) -> pkg.equals("dev.scaler.report")
                || pkg.equals("dev.scaler.load") && LOAD_DATA.contains(cls))).isEmpty();
    }
}
