package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.plan.LocalBuilds;
import dev.scaler.provision.BuildRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A user's image built FROM scaler's base (another entrypoint, VOLUME /var/lib/docker, scaler's labels inherited)
 * never becomes scaler's: `scaler images build` leaves every tag on its recorded build, even when the user's image
 * sat on scaler's tags; `images list` and `up` report the foreign tags. Needs the offline images built by this tree
 * (images/build.sh first); every tag is put back where it was and the derived image removed at the end.
 */
class ForeignImageIT extends ProjectIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    String project() {
        return "it-foreign-image";
    }

    /** Each scaler tag and the image ID it points at. */
    private static Map<String, String> tags() {
        var ids = new LinkedHashMap<String, String>();
        for (String name : LocalBuilds.NAMES) {
            String tag = LocalBuilds.tag(name);
            ids.put(tag, Docker.run("image", "inspect", "-f", "{{.Id}}", tag).strip());
        }
        return ids;
    }

    @Test
    void aDerivedImageNeverTakesAScalerTagAndTheWebTierComesUp() throws Exception {
        var before = tags();
        var records = BuildRecords.read();
        before.forEach((tag, id) -> assertThat(records.check(tag, Optional.of(id)).ours())
                .as("%s is scaler's recorded build before the test (run images/build.sh first)", tag).isTrue());
        Path context = Files.createDirectories(dir.resolve("derived"));
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scaler/base:bookworm
                ENTRYPOINT ["/bin/sh", "-c", "echo a user's image, not scaler's; exit 1"]
                VOLUME /var/lib/docker
                """);
        String derivedTag = "scaler-it/derived-from-base:" + ProcessHandle.current().pid();
        Docker.run("build", "-q", "-t", derivedTag, context.toString());
        String derived = Docker.run("image", "inspect", "-f", "{{.Id}}", derivedTag).strip();
        try {
            assertThat(Docker.run("image", "inspect", "-f", "{{index .Config.Labels \"scaler.image\"}}", derived))
                    .as("the derived image inherits the base's labels").isEqualTo("base");

            // 1. The derived image is the newest with the base's labels and inputs hash: the build still keeps its own.
            var build = Scaler.run("images", "build");
            assertThat(build.code()).as(build.transcript()).isZero();
            assertThat(tags()).as("every scaler tag after the build").isEqualTo(before);

            // 2. The user's image on scaler's tags (as `docker tag` or `docker build -t` would put it).
            Docker.run("tag", derived, LocalBuilds.BASE);
            Docker.run("tag", derived, "scaler/haproxy:offline");
            var list = Scaler.run("images", "list");
            assertThat(list.code()).as(list.transcript()).isEqualTo(ExitCode.ENVIRONMENT);
            assertThat(list.out()).containsPattern("scaler/haproxy:offline .*NOT scaler's build: " + derived.substring(7, 19))
                    .containsPattern("scaler/redis:offline .*scaler's build " + before.get("scaler/redis:offline").substring(7, 19))
                    .contains("run `scaler images build` to put the tag back");
            Path file = dir.resolve("web.yaml");
            Files.writeString(file, "name: " + project() + "\nloadBalancer: { port: " + port + " }\n"
                    + "web: { replicas: 2 }\n");
            var refused = Scaler.run("up", "--images", "offline", file.toString());
            assertThat(refused.code()).as(refused.transcript()).isEqualTo(ExitCode.ENVIRONMENT);
            assertThat(refused.err()).contains("scaler/haproxy:offline is not scaler's build");
            assertThat(docker.leftovers(project())).as("nothing created").isEmpty();

            var rebuild = Scaler.run("images", "build");
            assertThat(rebuild.code()).as(rebuild.transcript()).isZero();
            assertThat(rebuild.out()).contains("an image this script did not build");
            assertThat(tags()).as("every scaler tag back on its recorded build").isEqualTo(before);
            assertThat(Docker.run("image", "inspect", "-f", "{{.Id}}", derivedTag).strip())
                    .as("the user's image is left alone").isEqualTo(derived);
            assertThat(Scaler.run("images", "list").code()).isZero();

            // 3. The web tier comes up with the default profile (auto: the offline images are built and recorded).
            var up = Scaler.run("up", file.toString());
            assertThat(up.code()).as(up.transcript()).isZero();
            assertThat(up.out()).contains("images: offline (auto: the offline images are built here)");
            var whoami = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(whoami.statusCode()).isEqualTo(200);
        } finally {
            var now = tags();
            before.forEach((tag, id) -> {
                if (!id.equals(now.get(tag))) {
                    Docker.run("tag", id, tag);
                }
            });
            Docker.run("rmi", derivedTag);
        }
    }
}
