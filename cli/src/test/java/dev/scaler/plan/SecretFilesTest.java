package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretFilesTest {
    @Test
    void eachSecretBecomesAFileNamedInItsVariableAndTheFilesComeInTheVariablesOrder() {
        // A spec's env is a Map.copyOf, iterated in an order that changes from one JVM to the next; an `up` in a
        // new JVM must still plan the same files in the same order, or the spec's hash changes.
        var env = new LinkedHashMap<String, String>();
        env.put("Z_PASSWORD", "${secret:z.password}");
        env.put("PLAIN", "1");
        env.put("A_PASSWORD", "${secret:a.password}");
        env.put("M_PASSWORD", "${secret:m.password}");
        var spec = new ContainerSpec("p-web-1", Tier.WEB, 1, "img", List.of(), env, List.of(), Labels.project("p"),
                Optional.empty(), List.of(), List.of(), List.of(), "p-net", List.of());

        ContainerSpec applied = SecretFiles.apply(spec);

        assertThat(applied.files()).extracting(ContainerFile::path)
                .containsExactly("/run/secrets/a.password", "/run/secrets/m.password", "/run/secrets/z.password");
        assertThat(applied.files()).extracting(ContainerFile::content)
                .containsExactly("${secret:a.password}", "${secret:m.password}", "${secret:z.password}");
        assertThat(applied.env()).containsEntry("A_PASSWORD_FILE", "/run/secrets/a.password")
                .containsEntry("PLAIN", "1").doesNotContainKeys("A_PASSWORD", "M_PASSWORD", "Z_PASSWORD");
    }
}
