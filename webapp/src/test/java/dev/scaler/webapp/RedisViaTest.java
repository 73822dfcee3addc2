package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RedisViaTest {
    private static Config read(Map<String, String> env) {
        return Config.fromEnv(env, () -> "h");
    }

    @Test
    void absentMeansEveryNodeIsDialledAsItIs() {
        assertThat(read(Map.of()).redisVia()).isEqualTo(RedisVia.NONE);
        assertThat(RedisVia.NONE.dial(new RedisEndpoint("shop-cache-1", 6379))).isEqualTo(new RedisEndpoint("shop-cache-1", 6379));
    }

    @Test
    void mapsEachNodeToItsProxyAndLeavesOthersAlone() {
        RedisVia via = read(Map.of("SCALER_REDIS_VIA",
                "shop-cache-1:6379=shop-proxy:20001, shop-cache-2:6379=shop-proxy:20002,")).redisVia();
        assertThat(via.routes()).containsOnly(
                Map.entry(new RedisEndpoint("shop-cache-1", 6379), new RedisEndpoint("shop-proxy", 20001)),
                Map.entry(new RedisEndpoint("shop-cache-2", 6379), new RedisEndpoint("shop-proxy", 20002)));
        // What Jedis does with the master address Sentinel names: connect to the proxy instead.
        assertThat(via.mapper().getHostAndPort(new HostAndPort("shop-cache-2", 6379)))
                .isEqualTo(new HostAndPort("shop-proxy", 20002));
        assertThat(via.mapper().getHostAndPort(new HostAndPort("shop-cache-3", 6379)))
                .isEqualTo(new HostAndPort("shop-cache-3", 6379));
        assertThat(via.toString()).isEqualTo("shop-cache-1:6379=shop-proxy:20001,shop-cache-2:6379=shop-proxy:20002");
        assertThat(read(Map.of("SCALER_REDIS_VIA", "a:1=b:2")).toString()).contains("redisVia=a:1=b:2");
    }

    @Test
    void badEntriesAreReportedTogether() {
        assertThatThrownBy(() -> read(Map.of("SCALER_REDIS_VIA", "a:1=b:2,a:1=c:3,nohost=b:2,a:0=b:1,x:1")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "SCALER_REDIS_VIA names a:1 twice",
                        "SCALER_REDIS_VIA entries must be host:port=host:port, got 'nohost=b:2'",
                        "SCALER_REDIS_VIA entries must be host:port=host:port, got 'a:0=b:1'",
                        "SCALER_REDIS_VIA entries must be host:port=host:port, got 'x:1'"));
    }
}
