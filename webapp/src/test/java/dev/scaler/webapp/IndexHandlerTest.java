package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexHandlerTest {

    private static String page(Optional<String> cdn) {
        return new String(new IndexHandler("web-1", "dc1", cdn).handle(null).body(), StandardCharsets.UTF_8);
    }

    @Test
    void everyAssetComesFromTheCdn() {
        String html = page(Optional.of("http://127.0.0.1:8180/assets"));

        assertThat(html).contains("<link rel=\"stylesheet\" href=\"http://127.0.0.1:8180/assets/css/site.css\">")
                .contains("<script defer src=\"http://127.0.0.1:8180/assets/js/site.js\"></script>")
                .contains("<img src=\"http://127.0.0.1:8180/assets/img/logo.svg\"");
    }

    @Test
    void withoutACdnThePageReferencesNoAssets() {
        String html = page(Optional.empty());

        assertThat(html).contains("<h1>Served by web-1</h1>").doesNotContain("<link").doesNotContain("<script")
                .doesNotContain("<img");
    }
}
