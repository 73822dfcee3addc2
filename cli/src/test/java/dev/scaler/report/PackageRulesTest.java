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

/**
 * ARCHITECTURE.md's arrows for load, monitor and report: load and monitor import nothing of ours (load reads and
 * writes the stages' durations with yaml.Durations, the one spelling of a duration); report only the
 * data types of load and of monitor (the samples, and the signals that summarise them).
 */
class PackageRulesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/scaler");
    private static final Pattern OURS = Pattern.compile("^import (static )?(dev\\.scaler\\.[a-z]+)\\.([A-Za-z]+)", Pattern.MULTILINE);
    private static final Set<String> LOAD_DATA = Set.of("FailureKind", "Journey", "JourneyMix", "LedgerEntry", "LoadResult",
            "LoadShape", "LostWrite", "Stage", "Verification", "Window");
    private static final Set<String> MONITOR_DATA = Set.of("Snapshot", "Vitals", "Signal");

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
    void loadImportsNothingOfOursButHowDurationsAreSpelled() throws IOException {
        assertThat(violations("load", (pkg, cls) -> pkg.equals("dev.scaler.load")
                || pkg.equals("dev.scaler.yaml") && cls.equals("Durations"))).isEmpty();
    }

    @Test
    void monitorImportsNothingOfOurs() throws IOException {
        assertThat(violations("monitor", (pkg, cls) -> pkg.equals("dev.scaler.monitor"))).isEmpty();
    }

    @Test
    void reportImportsOnlyTheDataTypesOfLoadAndMonitor() throws IOException {
        assertThat(violations("report", (pkg, cls) -> pkg.equals("dev.scaler.report")
                || pkg.equals("dev.scaler.load") && LOAD_DATA.contains(cls)
                || pkg.equals("dev.scaler.monitor") && MONITOR_DATA.contains(cls))).isEmpty();
    }
}
