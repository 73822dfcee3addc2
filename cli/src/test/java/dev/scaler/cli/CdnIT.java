package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A topology with a cdn on the real engine: real MinIO as the origin, real nginx as the edge. The assets are
 * uploaded with their content types, readable by anyone through the edge, not listable or writable; a second `up`
 * changes nothing; with MinIO killed the edge still serves what it cached (stale); `down` leaves nothing.
 */
class CdnIT extends ProjectIT {
    private static final String PROJECT = "cdn-it";
    private static final String BUCKET = "site";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    String project() {
        return PROJECT;
    }

    @Override
    int[] alsoFree() {
        return new int[] {100};
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    private String edge(String key) {
        return "http://127.0.0.1:" + (port + 100) + "/" + BUCKET + "/" + key;
    }

    @Test
    void assetsAreServedThroughTheEdgeAndStayServedWhileMinioIsDead() throws Exception {
        Path assets = dir.resolve("static");
        Files.createDirectories(assets.resolve("css"));
        Files.createDirectories(assets.resolve("js"));
        Files.createDirectories(assets.resolve("img"));
        Map<String, String> files = Map.of(
                "css/site.css", "body { margin: 0 }\n",
                "js/site.js", "console.log('cdn-it');\n",
                "img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n",
                "img/never-fetched.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"/>\n");
        for (var f : files.entrySet()) {
            Files.writeString(assets.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(assets.resolve(".DS_Store"), "not an asset");
        Path file = dir.resolve("cdn.yaml");
        Files.writeString(file, """
                name: %s
                images: offline
                loadBalancer: { port: %d }
                web: { replicas: 1 }
                cdn:
                  bucket: %s
                  assets: static
                  edge: { ttl: 1s }
                """.formatted(PROJECT, port, BUCKET));

        var up = Scaler.run("up", "--timeout", "180", file.toString());
        assertThat(up.code()).as(up.transcript()).isZero();
        assertThat(up.out()).contains("assets: bucket created, anonymous read set, 4 uploaded, 0 unchanged")
                .contains("cdn: http://127.0.0.1:" + (port + 100) + "/" + BUCKET + "/");

        // The page references its assets at the edge, never at the web app.
        var page = get("http://127.0.0.1:" + port + "/");
        assertThat(page.body()).as("the bundled web app's page (if it lacks the CDN links, rebuild the image: "
                + "./scaler images build)").contains("href=\"" + edge("css/site.css") + "\"")
                .contains("src=\"" + edge("js/site.js") + "\"").contains("src=\"" + edge("img/logo.svg") + "\"");

        // Readable by anyone through the edge, with the right types; fetched once from MinIO, then from the cache.
        Map<String, String> types = Map.of("css/site.css", "text/css; charset=utf-8",
                "js/site.js", "text/javascript; charset=utf-8", "img/logo.svg", "image/svg+xml");
        for (var t : types.entrySet()) {
            var first = get(edge(t.getKey()));
            assertThat(first.statusCode()).as(t.getKey()).isEqualTo(200);
            assertThat(first.body()).isEqualTo(files.get(t.getKey()));
            assertThat(first.headers().firstValue("Content-Type")).contains(t.getValue());
            assertThat(first.headers().firstValue("X-Cache")).contains("MISS");
            var second = get(edge(t.getKey()));
            assertThat(second.headers().firstValue("X-Cache")).as(t.getKey()).hasValueSatisfying(
                    v -> assertThat(v).isIn("HIT", "STALE", "UPDATING", "REVALIDATED"));
        }
        assertThat(get(edge(".DS_Store")).statusCode()).as("hidden files are not uploaded").isNotEqualTo(200);

        // Not listable, not writable: through the edge, nor at MinIO itself without credentials.
        assertThat(get("http://127.0.0.1:" + (port + 100) + "/" + BUCKET + "/").statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(URI.create(edge("evil.txt")))
                .PUT(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(403);
        var origin = docker.container(PROJECT + "-cdn-origin").ports().stream()
                .filter(p -> p.containerPort() == 9000).findFirst().orElseThrow();
        String minio = "http://127.0.0.1:" + origin.hostPort() + "/" + BUCKET + "/";
        assertThat(get(minio).statusCode()).as("anonymous listing at MinIO").isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(URI.create(minio + "evil.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).as("anonymous write").isEqualTo(403);
        assertThat(get(minio + "js/site.js").statusCode()).as("anonymous read at MinIO").isEqualTo(200);

        // A second `up` changes nothing.
        var again = Scaler.run("up", file.toString());
        assertThat(again.code()).as(again.transcript()).isZero();
        assertThat(again.out()).contains("up to date, nothing to change").contains("assets: 4 unchanged");

        var status = Scaler.run("status", PROJECT);
        assertThat(status.out()).as(status.transcript()).contains("bucket " + BUCKET + ": 4 objects")
                .containsPattern("edge hit ratio: \\d+\\.\\d% of \\d+ asset requests");

        // MinIO dies: once the ttl is over, the edge answers from its stale copies; what it never had, it cannot.
        docker.kill(PROJECT + "-cdn-origin");
        eventually(Duration.ofSeconds(15), "every asset served STALE by the edge once its ttl is over", () -> {
            for (var t : types.entrySet()) {
                var r = get(edge(t.getKey()));
                assertThat(r.statusCode()).as(t.getKey()).isEqualTo(200);
                assertThat(r.body()).isEqualTo(files.get(t.getKey()));
                assertThat(r.headers().firstValue("Content-Type")).contains(t.getValue());
                assertThat(r.headers().firstValue("X-Cache")).as(t.getKey()).contains("STALE");
            }
            return true;
        });
        assertThat(get(edge("img/never-fetched.svg")).statusCode()).isGreaterThanOrEqualTo(500);
        var dead = Scaler.run("status", PROJECT);
        assertThat(dead.out()).as(dead.transcript()).containsPattern("edge hit ratio: .* \\([1-9]\\d* stale\\)")
                .contains("the origin is not running");

        var down = Scaler.run("down", PROJECT);
        assertThat(down.code()).as(down.transcript()).isZero();
        assertThat(docker.leftovers(PROJECT)).isEmpty();
    }
}
