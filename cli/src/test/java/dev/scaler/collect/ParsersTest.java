package dev.scaler.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaler.monitor.Reading;
import io.prometheus.metrics.expositionformats.generated.Metrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** What each collector makes of its server's answer, from answers written the way the servers write them. */
class ParsersTest {

    @Test
    void webMetricsReadTheFamiliesItKnowsFromPrometheusProtobuf() throws Exception {
        var out = new ByteArrayOutputStream();
        Metrics.MetricFamily.newBuilder().setName("scaler_http_requests").setType(Metrics.MetricType.COUNTER)
                .addMetric(counter("code", "2xx", 120)).addMetric(counter("code", "5xx", 3)).build()
                .writeDelimitedTo(out);
        Metrics.MetricFamily.newBuilder().setName("scaler_http_request_duration_seconds")
                .setType(Metrics.MetricType.HISTOGRAM)
                .addMetric(Metrics.Metric.newBuilder().setHistogram(Metrics.Histogram.newBuilder().setSampleCount(123)
                        .addBucket(Metrics.Bucket.newBuilder().setUpperBound(0.01).setCumulativeCount(100))
                        .addBucket(Metrics.Bucket.newBuilder().setUpperBound(1).setCumulativeCount(120))))
                .build().writeDelimitedTo(out);
        Metrics.MetricFamily.newBuilder().setName("scaler_pool_active_connections").setType(Metrics.MetricType.GAUGE)
                .addMetric(gauge("pool", "redis", 4)).addMetric(gauge("pool", "main-primary", 2)).build()
                .writeDelimitedTo(out);
        Metrics.MetricFamily.newBuilder().setName("scaler_note_cache_requests").setType(Metrics.MetricType.COUNTER)
                .addMetric(counter("result", "hit", 30)).addMetric(counter("result", "miss", 10)).build()
                .writeDelimitedTo(out);
        Metrics.MetricFamily.newBuilder().setName("jvm_something_else").setType(Metrics.MetricType.GAUGE)
                .addMetric(gauge("x", "y", 1)).build().writeDelimitedTo(out);

        Reading.Web web = WebMetrics.parse(new ByteArrayInputStream(out.toByteArray()));
        assertThat(web.requests()).isEqualTo(123);
        assertThat(web.errors()).isEqualTo(3);
        assertThat(web.latency()).containsExactly(new Reading.Bucket(0.01, 100), new Reading.Bucket(1, 120),
                new Reading.Bucket(Double.POSITIVE_INFINITY, 123));
        assertThat(web.pools()).containsOnlyKeys("redis", "main-primary");
        assertThat(web.pools().get("redis").active()).isEqualTo(4);
        assertThat(web.cacheHits()).isEqualTo(30);
        assertThat(web.cacheMisses()).isEqualTo(10);
    }

    private static Metrics.Metric counter(String label, String value, double count) {
        return Metrics.Metric.newBuilder().addLabel(Metrics.LabelPair.newBuilder().setName(label).setValue(value))
                .setCounter(Metrics.Counter.newBuilder().setValue(count)).build();
    }

    private static Metrics.Metric gauge(String label, String value, double v) {
        return Metrics.Metric.newBuilder().addLabel(Metrics.LabelPair.newBuilder().setName(label).setValue(value))
                .setGauge(Metrics.Gauge.newBuilder().setValue(v)).build();
    }

    @Test
    void haproxyStatsCountServersUpAndDownButNotEmptyTemplateSlots() throws Exception {
        // Real output of HAProxy 2.6 (a load balancer of 3 replicas with 9 slots), web2 set DOWN and counters set.
        String csv = new String(ParsersTest.class.getResourceAsStream("/haproxy/stats.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Reading.Balancer b = HaproxyStats.parse(csv);
        assertThat(b.serversUp()).isEqualTo(2);
        assertThat(b.serversDown()).as("MAINT (resolution) slots are no replica at all").isEqualTo(1);
        assertThat(b.sessions()).as("the monitoring frontend is not traffic").isEqualTo(7);
        assertThat(b.retries()).isEqualTo(5);
        assertThat(b.redispatches()).isEqualTo(1);
        assertThat(b.connectErrors()).isEqualTo(2);
    }

    @Test
    void redisInfoGivesRoleReplicasHitsMemoryAndTheReplicaLink() {
        String primary = """
                # Server\r
                redis_version:7.0.15\r
                \r
                # Memory\r
                used_memory:2097152\r
                maxmemory:67108864\r
                # Stats\r
                keyspace_hits:180\r
                keyspace_misses:20\r
                # Replication\r
                role:master\r
                connected_slaves:1\r
                slave0:ip=p-cache-2,port=6379,state=online,offset=123,lag=0\r
                """;
        var node = RedisInfo.node(RedisInfo.fields(primary));
        assertThat(node).isEqualTo(new Reading.Cache("primary", 1, 180, 20, 2097152, 67108864, true));
        var replica = RedisInfo.node(RedisInfo.fields("role:slave\nmaster_link_status:down\nconnected_slaves:0\n"));
        assertThat(replica.role()).isEqualTo("replica");
        assertThat(replica.linkUp()).isFalse();
        assertThatThrownBy(() -> RedisInfo.node(RedisInfo.fields("# nothing\n"))).isInstanceOf(IllegalArgumentException.class);

        var sentinel = RedisInfo.sentinel(RedisInfo.fields("# Sentinel\nsentinel_masters:1\n"
                + "master0:name=p-cache,status=ok,address=p-cache-1:6379,slaves=1,sentinels=3\n"));
        assertThat(sentinel).isEqualTo(new Reading.Sentinel("ok", "p-cache-1:6379", 1, 3));
    }

    @Test
    void aDatabaseNodeSpeaksTheDialectOfItsImage() {
        assertThat(SqlStatus.dialect("mysql:8.4.7")).isEqualTo(dev.scaler.sql.Dialect.MYSQL);
        assertThat(SqlStatus.dialect("mariadb:10.11.15")).isEqualTo(dev.scaler.sql.Dialect.MARIADB);
        assertThat(SqlStatus.dialect("scaler/mariadb:offline")).isEqualTo(dev.scaler.sql.Dialect.MARIADB);
    }
}
