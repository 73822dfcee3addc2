package dev.scaler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HaproxyConfigTest {

    @Test
    void rendersAlgorithmHealthCheckAndOneServerSlotPerPossibleReplica() {
        var lb = Topologies.of("""
                name: demo
                loadBalancer:
                  algorithm: leastconn
                  healthCheck: { path: /ready, interval: 500ms, fall: 3, rise: 2 }
                """).loadBalancer();
        String cfg = HaproxyConfig.render(lb, "web", 8080, 9);
        assertThat(cfg).contains("balance leastconn")
                .contains("option httpchk GET /ready")
                .contains("inter 500ms fastinter 200ms downinter 200ms fall 3 rise 2")
                .contains("server-template web 9 web:8080")
                .contains("bind :" + HaproxyConfig.PORT)
                .contains("nameserver dns 127.0.0.11:53");
    }

    @Test
    void replaysOnlyIdempotentRequestsThatReachedAReplicaAndNeverAfterATimeout() {
        String cfg = HaproxyConfig.render(Topologies.of("name: demo").loadBalancer(), "web", 8080, 64);
        assertThat(cfg).contains("retry-on conn-failure empty-response junk-response")
                .contains("option redispatch 1").contains("retries 3")
                .contains("observe layer4 error-limit 1 on-error mark-down")
                .contains("http-request disable-l7-retry unless { method GET HEAD OPTIONS }")
                .doesNotContain("response-timeout");
    }

    @Test
    void checksReadinessByDefaultAndOpensTheRuntimeApiOnTheProjectNetwork() {
        String cfg = HaproxyConfig.render(Topologies.of("name: demo").loadBalancer(), "web", 8080, 64);
        assertThat(cfg).contains("option httpchk GET /readyz")
                .contains("stats socket ipv4@0.0.0.0:" + HaproxyConfig.RUNTIME_PORT + " level admin")
                .contains("server-template web 64 web:8080");
    }
}
