package dev.scaler.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PageAssetsTest {

    @Test
    void stylesheetsScriptsAndImagesInPageOrderEachOnce() {
        String html = """
                <head><link rel="stylesheet" href="http://127.0.0.1:8180/assets/css/site.css">
                <link rel="icon" href="http://127.0.0.1:8180/assets/favicon.ico">
                <script defer src="http://127.0.0.1:8180/assets/js/site.js"></script></head>
                <body><img src="http://127.0.0.1:8180/assets/img/logo.svg" alt="x">
                <img src="http://127.0.0.1:8180/assets/img/logo.svg"><a href="http://elsewhere/">x</a></body>
                """;
        assertThat(PageAssets.of(html)).containsExactly(URI.create("http://127.0.0.1:8180/assets/css/site.css"),
                URI.create("http://127.0.0.1:8180/assets/js/site.js"),
                URI.create("http://127.0.0.1:8180/assets/img/logo.svg"));
    }

    @Test
    void relativeReferencesAndPagesWithoutAssetsGiveNone() {
        assertThat(PageAssets.of("<img src=\"/logo.png\"><script>var a = 1;</script>")).isEmpty();
        assertThat(PageAssets.of("<h1>Served by web-1</h1>")).isEmpty();
        assertThat(PageAssets.of(null)).isEmpty();
    }
}
