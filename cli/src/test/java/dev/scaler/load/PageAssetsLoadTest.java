package dev.scaler.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The browse journey's asset requests, against a stand-in that answers in memory (no network, no clock games). */
class PageAssetsLoadTest {
    private static final String CDN = "http://cdn.test/assets/";

    /** The page references two assets; the first is served, the second answers 503 (its origin is gone). */
    private static final Http SITE = new Http() {
        private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "site-loop");
            t.setDaemon(true);
            return t;
        });

        @Override
        public List<ScheduledExecutorService> loops() {
            return List.of(loop);
        }

        @Override
        public CompletableFuture<Response> exchange(String method, URI uri, String contentType, String body,
                String cookie, Duration timeout) {
            return CompletableFuture.completedFuture(answer(uri));
        }

        private Response answer(URI uri) {
            String u = uri.toString();
            if (u.equals(CDN + "css/site.css")) {
                return new Response(200, "body{}", Map.of());
            }
            if (u.startsWith(CDN)) {
                return new Response(503, "", Map.of());
            }
            if (uri.getPath().equals("/")) {
                return new Response(200, "<link rel=\"stylesheet\" href=\"" + CDN + "css/site.css\">"
                        + "<script src=\"" + CDN + "js/site.js\"></script>", Map.of());
            }
            return new Response(200, "{\"instance\":\"web-1\"}", Map.of());
        }

        @Override
        public void close() {
        }
    };

    private static LoadSpec spec() {
        return new LoadSpec(List.of(URI.create("http://lb.test/")), 200, Duration.ofMillis(250),
                JourneyMix.parse("browse=1"), Duration.ofSeconds(1), 42, 1000, 1);
    }

    @Test
    void eachBrowseFetchesOneAssetInTurnCountedApartFromThePages() throws Exception {
        var result = new LoadGenerator(spec(), SITE).withPageAssets().run();

        assertThat(result.windows().stream().mapToLong(Window::successes).sum()).isEqualTo(50);
        assertThat(result.windows().stream().mapToLong(Window::failed).sum()).as("pages").isZero();
        assertThat(result.assets().stream().mapToLong(Window::successes).sum()).isEqualTo(25);
        assertThat(result.assets().stream().mapToLong(w -> w.failures().get(FailureKind.SERVER_ERROR)).sum())
                .isEqualTo(25);
    }

    @Test
    void withoutAskingForThemNoAssetIsFetched() throws Exception {
        var result = new LoadGenerator(spec(), SITE).run();
        assertThat(result.assets()).isEmpty();
    }
}
