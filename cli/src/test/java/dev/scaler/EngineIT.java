package dev.scaler;

import dev.scaler.engine.DockerEngine;
import dev.scaler.engine.EngineException;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every integration test shares: a Docker engine that answers. Without one the test fails, with or without
 * CI set, saying which engine it asked and how to get one; an integration test never skips, because a skipped
 * one reads as green while proving nothing.
 */
public abstract class EngineIT {

    @BeforeAll
    static void aDockerEngineAnswers() {
        try (DockerEngine engine = DockerEngine.connect()) {
            // It answered; the test makes its own connections.
        } catch (EngineException e) {
            throw new AssertionError("integration tests need a Docker engine and never skip: " + e.getMessage() + "; "
                    + e.hint() + " (`./mvnw test` runs the unit tests alone)", e);
        }
    }
}
