package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void theTypesBrowsersInsistOn() {
        assertThat(ContentTypes.of("css/site.css")).isEqualTo("text/css; charset=utf-8");
        assertThat(ContentTypes.of("js/site.js")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(ContentTypes.of("img/logo.svg")).isEqualTo("image/svg+xml");
        assertThat(ContentTypes.of("img/photo.JPG")).isEqualTo("image/jpeg");
        assertThat(ContentTypes.of("fonts/a.woff2")).isEqualTo("font/woff2");
    }

    @Test
    void unknownOrMissingExtensionsAreBytes() {
        assertThat(ContentTypes.of("data.bin")).isEqualTo(ContentTypes.DEFAULT);
        assertThat(ContentTypes.of("LICENSE")).isEqualTo(ContentTypes.DEFAULT);
        assertThat(ContentTypes.of("dir.css/README")).isEqualTo(ContentTypes.DEFAULT);
        assertThat(ContentTypes.of(".hidden")).isEqualTo(ContentTypes.DEFAULT);
        assertThat(ContentTypes.of("trailing.")).isEqualTo(ContentTypes.DEFAULT);
    }
}
