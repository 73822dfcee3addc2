package dev.scaler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.plan.ObservedContainer;
import dev.scaler.plan.PortBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyApiTest {
    private static ObservedContainer container(String project, String tier, String state, PortBinding... ports) {
        return new ObservedContainer("id-" + tier, project + "-" + tier, "img",
                Map.of("scaler.project", project, "scaler.tier", tier), state, "", List.of(ports));
    }

    @Test
    void theApiIsThePortDockerPublishedForTheRunningProxyContainerOfThatProject() {
        var containers = List.of(
                container("shop", "lb", "running", new PortBinding("127.0.0.1", 8080, 8080)),
                container("other", "proxy", "running", new PortBinding("127.0.0.1", 40001, 8474)),
                container("shop", "proxy", "running", new PortBinding("127.0.0.1", 40002, 8474)));
        assertThat(ProxyApi.find("shop", containers)).hasValueSatisfying(api -> {
            assertThat(api.address()).isEqualTo("127.0.0.1:40002");
            assertThat(api.project()).isEqualTo("shop");
        });
    }

    @Test
    void noRunningProxyContainerNoApi() {
        assertThat(ProxyApi.find("shop", List.of(container("shop", "proxy", "exited")))).isEmpty();
        assertThat(ProxyApi.find("shop", List.of(container("shop", "web", "running",
                new PortBinding("127.0.0.1", 40002, 8474))))).isEmpty();
        assertThat(ProxyApi.find("shop", List.of())).isEmpty();
    }

    @Test
    void aPortPublishedOnEveryInterfaceIsReachedOnLoopback() {
        var api = ProxyApi.find("shop", List.of(container("shop", "proxy", "running",
                new PortBinding("0.0.0.0", 40003, 8474))));
        assertThat(api).hasValueSatisfying(a -> assertThat(a.address()).isEqualTo("127.0.0.1:40003"));
    }

    @Test
    void toxiproxysErrorTextIsTakenFromItsJsonBody() {
        assertThat(ProxyApi.errorOf("{\"error\":\"toxic already exists\",\"status\":409}"))
                .isEqualTo("toxic already exists");
        assertThat(ProxyApi.errorOf("not json\n")).isEqualTo("not json");
    }
}
