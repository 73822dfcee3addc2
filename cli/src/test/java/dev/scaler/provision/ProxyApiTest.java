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

    @Test
    void oneListingOfTheProxiesCarriesEveryToxicWithItsAttributes() throws Exception {
        // Toxiproxy 2.12.0's GET /proxies with one toxic added (the "Logger" field is what it writes too).
        String json = """
                {"database-primary": {"name": "database-primary", "listen": "[::]:20100", "upstream": "mon-db-router:3306",
                  "enabled": true, "Logger": {}, "toxics": []},
                 "cache-1": {"name": "cache-1", "listen": "[::]:20001", "upstream": "mon-cache-1:6379", "enabled": false,
                  "Logger": {}, "toxics": [{"attributes": {"latency": 200, "jitter": 20}, "name": "scaler-9-latency",
                  "type": "latency", "stream": "downstream", "toxicity": 0.5}]}}
                """;
        var proxies = ProxyApi.parseProxies(json);
        assertThat(proxies).extracting(ProxyState::name).containsExactly("cache-1", "database-primary");
        var cache = proxies.getFirst();
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.upstream()).isEqualTo("mon-cache-1:6379");
        assertThat(cache.toxics()).containsExactly(new ToxicState("scaler-9-latency", "latency", "downstream", 0.5,
                java.util.Map.of("latency", 200L, "jitter", 20L)));
        assertThat(cache.toxics().getFirst().display())
                .isEqualTo("scaler-9-latency=latency(latency=200,jitter=20) downstream toxicity 0.5");
        assertThat(proxies.get(1).toxics()).isEmpty();
    }
}
