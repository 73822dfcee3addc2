package dev.scaler.cli;

import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.Engine;
import dev.scaler.engine.EngineException;
import dev.scaler.plan.AutoProfile;
import dev.scaler.plan.LocalBuilds;
import dev.scaler.provision.BuildRecords;
import dev.scaler.topology.ImageProfile;
import dev.scaler.topology.Topology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Resolves {@code images: auto} for a command from this engine, the build records and, if it must, the registry. */
final class ImageChoice {
    /** How long auto waits for the registry to answer. */
    static final Duration REGISTRY_BOUND = Duration.ofSeconds(3);

    /** A topology with a concrete profile, and why auto chose it (empty when the profile was given). */
    record Resolved(Topology topology, Optional<String> why) {
        /** The line to print: "images: offline (auto: ...)". */
        Optional<String> line() {
            return why.map(w -> "images: " + topology.images().yaml() + " (auto: " + w + ")");
        }
    }

    private ImageChoice() {
    }

    /** For `up`: the profile auto stands for here, asking the registry only when the engine decides nothing. */
    static Resolved forUp(Topology t, Engine engine) {
        if (t.images() != ImageProfile.AUTO) {
            return new Resolved(t, Optional.empty());
        }
        return switch (choose(t, engine, true)) {
            case AutoProfile.Chosen c -> new Resolved(t.withImages(c.profile()), Optional.of(c.why()));
            case AutoProfile.NoneUsable n -> throw new EngineException("no image profile is usable for "
                    + t.name() + ": " + n.offlineProblem() + ", and the registry " + registry()
                    + " did not answer within " + REGISTRY_BOUND.toSeconds() + " s; nothing was created",
                    "run `scaler images build` (builds the offline images; `scaler up` then takes them), or pass "
                            + "--images upstream if the engine pulls through a mirror or proxy");
        };
    }

    /**
     * For `plan`, which only shows: the same choice without asking the registry; the upstream images when the
     * offline ones are not usable or no engine answers, saying so.
     */
    static Resolved forPlan(Topology t) {
        if (t.images() != ImageProfile.AUTO) {
            return new Resolved(t, Optional.empty());
        }
        try (var engine = DockerEngine.connect()) {
            return switch (choose(t, engine, false)) {
                case AutoProfile.Chosen c -> new Resolved(t.withImages(c.profile()), Optional.of(c.why()));
                case AutoProfile.NoneUsable n -> new Resolved(t.withImages(ImageProfile.UPSTREAM),
                        Optional.of(n.offlineProblem() + "; `scaler up` asks the registry"));
            };
        } catch (EngineException e) {
            return new Resolved(t.withImages(ImageProfile.UPSTREAM),
                    Optional.of("no Docker engine answers to say whether the offline images are built"));
        }
    }

    private static AutoProfile.Choice choose(Topology t, Engine engine, boolean askRegistry) {
        LocalBuilds builds = BuildRecords.read();
        return AutoProfile.choose(t, image -> builds.check(image, engine.imageId(image)),
                image -> engine.imageId(image).isPresent(), () -> askRegistry && registryAnswers());
    }

    /** The registry auto asks: SCALER_REGISTRY (a mirror's /v2/ address), else Docker Hub's. */
    static String registry() {
        String env = System.getenv("SCALER_REGISTRY");
        return env == null || env.isBlank() ? "https://registry-1.docker.io/v2/" : env.strip();
    }

    /** Any HTTP answer counts (Docker Hub answers 401 without a token); silence or a refusal within the bound does not. */
    private static boolean registryAnswers() {
        try {
            var client = HttpClient.newBuilder().connectTimeout(REGISTRY_BOUND).build();
            var request = HttpRequest.newBuilder(URI.create(registry())).timeout(REGISTRY_BOUND).GET().build();
            client.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
