package dev.scaler.topology;

import static dev.scaler.topology.Topologies.ok;
import static dev.scaler.topology.Topologies.only;
import static dev.scaler.topology.Topologies.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scaler.yaml.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TopologyLoaderTest {

    @Nested
    class TopLevel {

        @Test
        void nameAloneGivesEveryDefault() {
            Topology t = ok("name: demo\n");
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.name()).isEqualTo("demo");
            assertThat(t.images()).isEqualTo(ImageProfile.AUTO);
            assertThat(t.loadBalancer()).isEqualTo(new LoadBalancer("haproxy", 8080, "127.0.0.1",
                    Algorithm.ROUNDROBIN, new HealthCheck("/readyz", Duration.ofSeconds(1), 2, 1), 1));
            assertThat(t.web()).isEqualTo(new Web("scaler/webapp", 2, SessionStore.REDIS, Map.of()));
            assertThat(t.web().bundled()).isTrue();
            assertThat(t.cache()).contains(new Cache("redis", 0, 0, "64mb", "allkeys-lru"));
            assertThat(t.database()).isEmpty();
            assertThat(t.shards()).isEmpty();
            assertThat(t.cdn()).isEmpty();
            assertThat(t.proxies()).isFalse();
            assertThat(t.datacenters()).containsExactly(new Datacenter("dc1", Duration.ZERO));
            assertThat(t.source()).isEqualTo(Topologies.SOURCE);
        }

        @Test
        void emptyTextSaysWhatTheSmallestFileIs() {
            only("", 1, 1, "the file is empty; the smallest valid topology is `name: demo`");
        }

        @Test
        void commentsOnlyIsEmpty() {
            only("# nothing yet\n\n# still nothing\n", 1, 1, "smallest valid topology is `name: demo`");
        }

        @Test
        void aLoneDocumentMarkerIsEmpty() {
            only("---\n", 2, 1, "smallest valid topology is `name: demo`");
        }

        @Test
        void topLevelMustBeAMapping() {
            only("- name: demo\n", 1, 1, "the top level must be a mapping of fields");
            only("demo\n", 1, 1, "got 'demo'");
        }

        @Test
        void versionDefaultsToOneAndOnlyOneIsRead() {
            assertThat(ok("version: 1\nname: demo\n").version()).isEqualTo(1);
            only("name: demo\nversion: 2\n", 2, 10,
                    "version: expected 1 (the only topology version this scaler reads), got '2'");
            only("name: demo\nversion: one\n", 2, 10, "got 'one'");
        }

        @Test
        void anotherVersionIsNotJudgedFurther() {
            only("version: 2\nname: Demo\nrouting: geo\n", 1, 10, "version: expected 1");
        }

        @Test
        void nameIsRequired() {
            only("web:\n  replicas: 3\n", 1, 1, "missing required field 'name'");
            only("# a comment first\nimages: upstream\n", 2, 1, "missing required field 'name'");
        }

        @Test
        void nameSyntax() {
            assertThat(ok("name: a\n").name()).isEqualTo("a");
            assertThat(ok("name: shop-2\n").name()).isEqualTo("shop-2");
            assertThat(ok("name: a" + "b".repeat(30) + "\n").name()).hasSize(31);
            only("name: Shop\n", 1, 7, "name: expected a project name: a lowercase letter, then up to 30"
                    + " lowercase letters, digits or '-', got 'Shop'");
            only("name: 2shop\n", 1, 7, "got '2shop'");
            only("name: shop_1\n", 1, 7, "got 'shop_1'");
            only("name: a" + "b".repeat(31) + "\n", 1, 7, "up to 30");
            only("name:\n", 1, 6, "name: expected a project name");
            only("name: [a]\n", 1, 7, "got a list");
        }

        @Test
        void images() {
            assertThat(ok("name: demo\nimages: offline\n").images()).isEqualTo(ImageProfile.OFFLINE);
            only("name: demo\nimages: local\n", 2, 9, "images: expected one of auto, upstream or offline, got 'local'");
            only("name: demo\nimages: ofline\n", 2, 9, "did you mean 'offline'?");
        }

        @Test
        void proxies() {
            assertThat(ok("name: demo\nproxies: true\n").proxies()).isTrue();
            assertThat(ok("name: demo\nproxies: false\n").proxies()).isFalse();
            only("name: demo\nproxies: yes\n", 2, 10, "proxies: expected true or false, got 'yes'");
            only("name: demo\nproxies: 1\n", 2, 10, "got '1'");
        }

        @Test
        void unknownTopLevelFieldsSuggestTheNearest() {
            only("name: demo\nchache: {}\n", 2, 1, "unknown top-level field 'chache'; did you mean 'cache'?");
            only("name: demo\nloadbalancer: {}\n", 2, 1, "did you mean 'loadBalancer'?");
            Problem far = only("name: demo\nmonitoring: {}\n", 2, 1, "unknown top-level field 'monitoring'");
            assertThat(far.message()).contains("expected one of").contains("loadBalancer").contains("datacenters")
                    .doesNotContain("did you mean");
        }

        @Test
        void aSectionMustBeAMapping() {
            only("name: demo\nweb: 3\n", 2, 6, "web: expected a mapping of fields, got '3'");
            only("name: demo\ndatabase: [mysql]\n", 2, 11, "database: expected a mapping of fields, got a list");
        }

        @Test
        void anEmptySectionTakesEveryDefault() {
            assertThat(ok("name: demo\ndatabase:\n").database()).contains(new Database(DatabaseKind.MARIADB, 2,
                    Replication.ASYNC, FailoverMode.AUTO, ReadsFrom.REPLICAS));
        }
    }

    @Nested
    class LoadBalancerSection {

        @Test
        void kindIsHaproxyOnly() {
            assertThat(ok("name: demo\nloadBalancer: {kind: haproxy}\n").loadBalancer().kind()).isEqualTo("haproxy");
            only("name: demo\nloadBalancer:\n  kind: nginx\n", 3, 9, "loadBalancer.kind: expected haproxy, got 'nginx'");
        }

        @Test
        void portFrom1024To65535() {
            assertThat(ok("name: demo\nloadBalancer: {port: 1024}\n").loadBalancer().port()).isEqualTo(1024);
            assertThat(ok("name: demo\nloadBalancer: {port: 65535}\n").loadBalancer().port()).isEqualTo(65535);
            only("name: demo\nloadBalancer:\n  port: 1023\n", 3, 9,
                    "loadBalancer.port: expected a whole number from 1024 to 65535, got '1023'");
            only("name: demo\nloadBalancer:\n  port: 65536\n", 3, 9, "got '65536'");
            only("name: demo\nloadBalancer:\n  port: http\n", 3, 9, "got 'http'");
            only("name: demo\nloadBalancer:\n  port: 8080.5\n", 3, 9, "got '8080.5'");
        }

        @Test
        void bindIsAnIpv4LiteralDefaultingToLoopback() {
            assertThat(ok("name: demo\n").loadBalancer().bind()).isEqualTo("127.0.0.1");
            assertThat(ok("name: demo\nloadBalancer: {bind: 0.0.0.0}\n").loadBalancer().bind()).isEqualTo("0.0.0.0");
            assertThat(ok("name: demo\nloadBalancer: {bind: 192.168.1.254}\n").loadBalancer().bind())
                    .isEqualTo("192.168.1.254");
            only("name: demo\nloadBalancer:\n  bind: localhost\n", 3, 9,
                    "loadBalancer.bind: expected an IPv4 address such as 127.0.0.1");
            only("name: demo\nloadBalancer:\n  bind: 256.0.0.1\n", 3, 9, "got '256.0.0.1'");
            only("name: demo\nloadBalancer:\n  bind: '::1'\n", 3, 9, "got '::1'");
        }

        @Test
        void algorithm() {
            assertThat(ok("name: demo\nloadBalancer: {algorithm: leastconn}\n").loadBalancer().algorithm())
                    .isEqualTo(Algorithm.LEASTCONN);
            only("name: demo\nloadBalancer:\n  algorithm: leastcon\n", 3, 14,
                    "loadBalancer.algorithm: expected roundrobin or leastconn, got 'leastcon'; did you mean"
                            + " 'leastconn'?");
            Problem far = only("name: demo\nloadBalancer:\n  algorithm: random\n", 3, 14, "got 'random'");
            assertThat(far.message()).doesNotContain("did you mean");
        }

        @Test
        void healthCheckPath() {
            assertThat(ok("name: demo\nloadBalancer:\n  healthCheck:\n    path: /ready?deep=1\n").loadBalancer()
                    .healthCheck().path()).isEqualTo("/ready?deep=1");
            only("name: demo\nloadBalancer:\n  healthCheck:\n    path: healthz\n", 4, 11,
                    "loadBalancer.healthCheck.path: expected a URL path starting with '/'");
            only("name: demo\nloadBalancer:\n  healthCheck:\n    path: /a b\n", 4, 11, "got '/a b'");
        }

        @Test
        void healthCheckIntervalFrom100msTo60s() {
            HealthCheck check = ok("name: demo\nloadBalancer:\n  healthCheck: {interval: 100ms}\n")
                    .loadBalancer().healthCheck();
            assertThat(check.interval()).isEqualTo(Duration.ofMillis(100));
            assertThat(ok("name: demo\nloadBalancer:\n  healthCheck: {interval: 1m}\n").loadBalancer()
                    .healthCheck().interval()).isEqualTo(Duration.ofMinutes(1));
            only("name: demo\nloadBalancer:\n  healthCheck:\n    interval: 50ms\n", 4, 15,
                    "loadBalancer.healthCheck.interval: expected a duration from 100ms to 60s");
            only("name: demo\nloadBalancer:\n  healthCheck:\n    interval: 2m\n", 4, 15, "got '2m'");
            only("name: demo\nloadBalancer:\n  healthCheck:\n    interval: 1\n", 4, 15, "got '1'");
            only("name: demo\nloadBalancer:\n  healthCheck:\n    interval: 1.5s\n", 4, 15, "got '1.5s'");
        }

        @Test
        void healthCheckFallAndRiseFrom1To10() {
            HealthCheck check = ok("name: demo\nloadBalancer: {healthCheck: {fall: 10, rise: 10}}\n")
                    .loadBalancer().healthCheck();
            assertThat(check.fall()).isEqualTo(10);
            assertThat(check.rise()).isEqualTo(10);
            only("name: demo\nloadBalancer:\n  healthCheck:\n    fall: 0\n", 4, 11,
                    "loadBalancer.healthCheck.fall: expected a whole number from 1 to 10, got '0'");
            only("name: demo\nloadBalancer:\n  healthCheck:\n    rise: 11\n", 4, 11,
                    "loadBalancer.healthCheck.rise: expected a whole number from 1 to 10, got '11'");
            only("name: demo\nloadBalancer:\n  healthCheck:\n    timeout: 1s\n", 4, 5,
                    "unknown field 'timeout' in loadBalancer.healthCheck");
        }

        @Test
        void replicasOneOrTwo() {
            assertThat(ok("name: demo\nloadBalancer: {replicas: 2}\n").loadBalancer().replicas()).isEqualTo(2);
            only("name: demo\nloadBalancer:\n  replicas: 3\n", 3, 13,
                    "loadBalancer.replicas: expected a whole number from 1 to 2, got '3'");
            only("name: demo\nloadBalancer:\n  replicas: 0\n", 3, 13, "got '0'");
        }

        @Test
        void aSecondLoadBalancerNeedsPortPlusOne() {
            assertThat(ok("name: demo\nloadBalancer: {port: 65534, replicas: 2}\n").loadBalancer().port())
                    .isEqualTo(65534);
            assertThat(ok("name: demo\nloadBalancer: {port: 65535, replicas: 1}\n").loadBalancer().port())
                    .isEqualTo(65535);
            only("name: demo\nloadBalancer:\n  port: 65535\n  replicas: 2\n", 3, 9,
                    "loadBalancer.port: with 2 load balancers the second publishes port + 1");
        }

        @Test
        void aCdnIsPublishedAtPortPlusOneHundred() {
            assertThat(ok("name: demo\nloadBalancer: {port: 65435}\ncdn: {}\n").loadBalancer().port())
                    .isEqualTo(65435);
            only("name: demo\nloadBalancer:\n  port: 65436\ncdn: {}\n", 3, 9,
                    "loadBalancer.port: with a cdn, the assets are published on port + 100, so the port must be at"
                            + " most 65435");
        }
    }

    @Nested
    class WebSection {

        @Test
        void image() {
            assertThat(ok("name: demo\nweb: {image: 'ghcr.io/acme/shop:1.2'}\n").web().image())
                    .isEqualTo("ghcr.io/acme/shop:1.2");
            assertThat(ok("name: demo\nweb: {image: 'localhost:5000/shop'}\n").web().bundled()).isFalse();
            only("name: demo\nweb:\n  image: My Image\n", 3, 10, "web.image: expected an image reference");
            only("name: demo\nweb:\n  image: Shop/Web\n", 3, 10, "got 'Shop/Web'");
        }

        @Test
        void replicasFrom1To64() {
            assertThat(ok("name: demo\nweb: {replicas: 1}\n").web().replicas()).isEqualTo(1);
            assertThat(ok("name: demo\nweb: {replicas: 64}\n").web().replicas()).isEqualTo(64);
            only("name: demo\nweb:\n  replicas: 0\n", 3, 13,
                    "web.replicas: expected a whole number from 1 to 64, got '0'");
            only("name: demo\nweb:\n  replicas: 65\n", 3, 13, "got '65'");
            only("name: demo\nweb:\n  replicas: three\n", 3, 13,
                    "web.replicas: expected a whole number from 1 to 64, got 'three'");
            only("name: demo\nweb:\n  replicas:\n", 3, 12, "got nothing");
        }

        @Test
        void unknownFieldSuggestsTheNearest() {
            only("name: demo\nweb:\n  replica: 3\n", 3, 3,
                    "unknown field 'replica' in web; did you mean 'replicas'?");
        }

        @Test
        void sessionsInRedisOrTheDatabase() {
            assertThat(ok("name: demo\nweb: {sessions: redis}\n").web().sessions()).isEqualTo(SessionStore.REDIS);
            assertThat(ok("name: demo\nweb: {sessions: database}\ndatabase: {}\n").web().sessions())
                    .isEqualTo(SessionStore.DATABASE);
            only("name: demo\nweb:\n  sessions: memory\n", 3, 13,
                    "web.sessions: expected redis or database, got 'memory'");
        }

        @Test
        void sessionsInTheDatabaseNeedADatabase() {
            only("name: demo\nweb:\n  sessions: database\n", 3, 13,
                    "web.sessions: sessions in the database need a `database:` section");
        }

        @Test
        void envIsTextByName() {
            Web web = ok("name: demo\nweb:\n  env:\n    WORKERS: 4\n    DEBUG: true\n    EMPTY:\n    _X: 'a: b'\n")
                    .web();
            assertThat(web.env()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("WORKERS", "4", "DEBUG", "true", "EMPTY", "", "_X", "a: b"));
            assertThat(ok("name: demo\nweb: {env: {}}\n").web().env()).isEmpty();
        }

        @Test
        void envNamesAreUppercaseIdentifiers() {
            only("name: demo\nweb:\n  env:\n    workers: 4\n", 4, 5,
                    "web.env.workers: expected a variable name of uppercase letters, digits and '_'");
            only("name: demo\nweb:\n  env:\n    9LIVES: x\n", 4, 5, "got '9LIVES'");
            only("name: demo\nweb:\n  env:\n    A-B: x\n", 4, 5, "got 'A-B'");
        }

        @Test
        void envCannotSetWhatScalerOwns() {
            only("name: demo\nweb:\n  env:\n    SCALER_DB_USER: root\n", 4, 5,
                    "web.env.SCALER_DB_USER: 'SCALER_DB_USER' is reserved: scaler sets the SCALER_* variables itself");
        }

        @Test
        void envCannotPullInAnInternalSecret() {
            only("name: demo\nweb:\n  env:\n    DB_ROOT: ${secret:db.root}\n", 4, 14,
                    "web.env.DB_ROOT: '${secret:' is reserved: scaler fills it with its own passwords");
            only("name: demo\nweb:\n  env:\n    URL: 'mysql://root:${secret:db.root}@db'\n", 4, 10,
                    "web.env.URL: '${secret:' is reserved");
        }

        @Test
        void envValuesAreText() {
            only("name: demo\nweb:\n  env:\n    HOSTS: [a, b]\n", 4, 12,
                    "web.env.HOSTS: expected a text value, got a list");
            only("name: demo\nweb:\n  env: [A]\n", 3, 8, "web.env: expected a mapping of names to values");
        }
    }

    @Nested
    class CacheSection {

        @Test
        void redisSessionsWithoutACacheGetTheDefaultCache() {
            assertThat(ok("name: demo\nweb: {sessions: redis}\n").cache()).contains(Cache.defaults());
            assertThat(Cache.defaults()).isEqualTo(new Cache("redis", 0, 0, "64mb", "allkeys-lru"));
        }

        @Test
        void databaseSessionsWithoutACacheHaveNoCache() {
            assertThat(ok("name: demo\nweb: {sessions: database}\ndatabase: {}\n").cache()).isEmpty();
        }

        @Test
        void anEmptySectionIsTheDefaultCache() {
            assertThat(ok("name: demo\ncache:\n").cache()).contains(Cache.defaults());
            assertThat(ok("name: demo\nweb: {sessions: database}\ndatabase: {}\ncache: {}\n").cache())
                    .contains(Cache.defaults());
        }

        @Test
        void kindIsRedisOnly() {
            only("name: demo\ncache:\n  kind: memcached\n", 3, 9, "cache.kind: expected redis, got 'memcached'");
        }

        @Test
        void replicasFrom0To9() {
            assertThat(ok("name: demo\ncache: {replicas: 9}\n").cache().orElseThrow().replicas()).isEqualTo(9);
            only("name: demo\ncache:\n  replicas: 10\n", 3, 13,
                    "cache.replicas: expected a whole number from 0 to 9, got '10'");
            only("name: demo\ncache:\n  replicas: -1\n", 3, 13, "got '-1'");
        }

        @Test
        void sentinelsAreOffOrAQuorumOfAtLeastThree() {
            assertThat(ok("name: demo\ncache: {replicas: 1, sentinels: 3}\n").cache().orElseThrow().sentinels())
                    .isEqualTo(3);
            assertThat(ok("name: demo\ncache: {replicas: 2, sentinels: 9}\n").cache().orElseThrow().sentinels())
                    .isEqualTo(9);
            only("name: demo\ncache:\n  replicas: 1\n  sentinels: 2\n", 4, 14,
                    "cache.sentinels: expected 0 (no Sentinel) or a whole number from 3 to 9 (a Sentinel quorum"
                            + " needs at least 3), got '2'");
            only("name: demo\ncache:\n  replicas: 1\n  sentinels: 10\n", 4, 14, "got '10'");
        }

        @Test
        void aWrongReplicaCountIsNotAlsoTooFewForSentinels() {
            only("name: demo\ncache:\n  replicas: ten\n  sentinels: 3\n", 3, 13, "got 'ten'");
        }

        @Test
        void sentinelsNeedAReplica() {
            only("name: demo\ncache:\n  sentinels: 3\n", 3, 14,
                    "cache.sentinels: Sentinel needs a replica to promote; set cache.replicas to 1 or more");
        }

        @Test
        void maxMemoryIsASize() {
            assertThat(ok("name: demo\ncache: {maxMemory: 1GB}\n").cache().orElseThrow().maxMemory()).isEqualTo("1gb");
            assertThat(ok("name: demo\ncache: {maxMemory: 1024kb}\n").cache().orElseThrow().maxMemory())
                    .isEqualTo("1024kb");
            only("name: demo\ncache:\n  maxMemory: 64\n", 3, 14,
                    "cache.maxMemory: expected a size from 1mb to 16gb (a whole number and kb, mb or gb, like 64mb),"
                            + " got '64'");
            only("name: demo\ncache:\n  maxMemory: 64m\n", 3, 14, "got '64m'");
            only("name: demo\ncache:\n  maxMemory: 512kb\n", 3, 14, "got '512kb'");
            only("name: demo\ncache:\n  maxMemory: 17gb\n", 3, 14, "got '17gb'");
        }

        @Test
        void evictionPolicyIsOneOfRedisEight() {
            for (String policy : TopologyBinder.EVICTION_POLICIES) {
                assertThat(ok("name: demo\ncache: {evictionPolicy: " + policy + "}\n").cache().orElseThrow()
                        .evictionPolicy()).isEqualTo(policy);
            }
            assertThat(TopologyBinder.EVICTION_POLICIES).hasSize(8);
            only("name: demo\ncache:\n  evictionPolicy: lru\n", 3, 19,
                    "cache.evictionPolicy: expected one of noeviction, allkeys-lru,");
            only("name: demo\ncache:\n  evictionPolicy: volatile-tll\n", 3, 19, "did you mean 'volatile-ttl'?");
        }
    }

    @Nested
    class DatabaseSection {

        @Test
        void everyField() {
            Database db = ok("name: demo\ndatabase:\n  kind: mariadb\n  replicas: 3\n  replication: semi-sync\n"
                    + "  failover: manual\n  readsFrom: primary\n").database().orElseThrow();
            assertThat(db).isEqualTo(new Database(DatabaseKind.MARIADB, 3, Replication.SEMI_SYNC,
                    FailoverMode.MANUAL, ReadsFrom.PRIMARY));
        }

        @Test
        void kindIsMysqlOrMariadb() {
            Problem problem = only("name: demo\ndatabase:\n  kind: postgres\n", 3, 9,
                    "database.kind: expected mysql or mariadb, got 'postgres'");
            assertThat(problem.message()).doesNotContain("did you mean");
            only("name: demo\ndatabase:\n  kind: MySQL\n", 3, 9, "got 'MySQL'; did you mean 'mysql'?");
        }

        @Test
        void replicasFrom0To9() {
            assertThat(ok("name: demo\ndatabase: {replicas: 9}\n").database().orElseThrow().replicas()).isEqualTo(9);
            only("name: demo\ndatabase:\n  replicas: 10\n", 3, 13,
                    "database.replicas: expected a whole number from 0 to 9, got '10'");
        }

        @Test
        void replication() {
            only("name: demo\ndatabase:\n  replication: semisync\n", 3, 16,
                    "database.replication: expected async or semi-sync, got 'semisync'; did you mean 'semi-sync'?");
        }

        @Test
        void failoverAutoNeedsAReplica() {
            assertThat(ok("name: demo\ndatabase: {replicas: 0, failover: manual}\n").database().orElseThrow()
                    .failover()).isEqualTo(FailoverMode.MANUAL);
            only("name: demo\ndatabase:\n  replicas: 0\n  readsFrom: primary\n", 3, 13,
                    "database.replicas: failover: auto needs at least one replica to promote");
            only("name: demo\ndatabase:\n  failover: automatic\n", 3, 13, "expected auto or manual");
        }

        @Test
        void semiSyncNeedsAReplica() {
            assertThat(ok("name: demo\ndatabase: {replicas: 1, replication: semi-sync}\n").database().orElseThrow()
                    .replication()).isEqualTo(Replication.SEMI_SYNC);
            only("name: demo\ndatabase:\n  replicas: 0\n  failover: manual\n  replication: semi-sync\n", 5, 16,
                    "database.replication: semi-sync needs at least one replica");
        }

        @Test
        void readsFromReplicasNeedsAReplica() {
            only("name: demo\ndatabase:\n  replicas: 0\n  failover: manual\n  readsFrom: replicas\n", 5, 14,
                    "database.readsFrom: there are no replicas to read from");
        }

        @Test
        void readsFromDefaultsToReplicasOrToThePrimaryWhenThereAreNone() {
            assertThat(ok("name: demo\ndatabase: {replicas: 1}\n").database().orElseThrow().readsFrom())
                    .isEqualTo(ReadsFrom.REPLICAS);
            assertThat(ok("name: demo\ndatabase: {replicas: 0, failover: manual}\n").database().orElseThrow()
                    .readsFrom()).isEqualTo(ReadsFrom.PRIMARY);
        }

        @Test
        void aWrongReplicaCountDoesNotAlsoBreakTheRulesThatDependOnIt() {
            only("name: demo\ndatabase:\n  replicas: none\n  replication: semi-sync\n", 3, 13, "got 'none'");
        }
    }

    @Nested
    class ShardsSection {

        @Test
        void defaults() {
            assertThat(ok("name: demo\nshards: {}\n").shards())
                    .contains(new Shards(2, 1, "user_id", ShardStrategy.HASH));
        }

        @Test
        void countFrom1To16() {
            assertThat(ok("name: demo\nshards: {count: 16}\n").shards().orElseThrow().count()).isEqualTo(16);
            assertThat(ok("name: demo\nshards: {count: 1}\n").shards().orElseThrow().count()).isEqualTo(1);
            only("name: demo\nshards:\n  count: 17\n", 3, 10,
                    "shards.count: expected a whole number from 1 to 16, got '17'");
            only("name: demo\nshards:\n  count: 0\n", 3, 10, "got '0'");
        }

        @Test
        void replicasFrom0To9() {
            assertThat(ok("name: demo\nshards: {replicas: 0}\n").shards().orElseThrow().replicas()).isZero();
            only("name: demo\nshards:\n  replicas: 10\n", 3, 13,
                    "shards.replicas: expected a whole number from 0 to 9, got '10'");
        }

        @Test
        void keyIsAColumnName() {
            assertThat(ok("name: demo\nshards: {key: tenant_id}\n").shards().orElseThrow().key()).isEqualTo("tenant_id");
            only("name: demo\nshards:\n  key: user-id\n", 3, 8, "shards.key: expected a column name");
            only("name: demo\nshards:\n  key: 'id; drop table users'\n", 3, 8, "got 'id; drop table users'");
        }

        @Test
        void strategy() {
            assertThat(ok("name: demo\nshards: {strategy: range}\n").shards().orElseThrow().strategy())
                    .isEqualTo(ShardStrategy.RANGE);
            only("name: demo\nshards:\n  strategy: modulo\n", 3, 13,
                    "shards.strategy: expected hash or range, got 'modulo'");
        }

        @Test
        void shardsRunTheDatabaseKindOrMariadb() {
            assertThat(Shards.kind(ok("name: demo\nshards: {}\n").database())).isEqualTo(DatabaseKind.MARIADB);
            assertThat(Shards.kind(ok("name: demo\nshards: {}\ndatabase: {kind: mysql}\n").database()))
                    .isEqualTo(DatabaseKind.MYSQL);
        }
    }

    @Nested
    class CdnSection {

        @Test
        void defaults() {
            assertThat(ok("name: demo\ncdn: {}\n").cdn()).contains(
                    new Cdn("minio", "assets", Optional.empty(), new Edge(true, Duration.ofSeconds(60))));
        }

        @Test
        void kindIsMinioOnly() {
            only("name: demo\ncdn:\n  kind: s3\n", 3, 9, "cdn.kind: expected minio, got 's3'");
        }

        @Test
        void bucketFollowsS3Naming() {
            assertThat(ok("name: demo\ncdn: {bucket: my.site-assets1}\n").cdn().orElseThrow().bucket())
                    .isEqualTo("my.site-assets1");
            assertThat(ok("name: demo\ncdn: {bucket: abc}\n").cdn().orElseThrow().bucket()).isEqualTo("abc");
            assertThat(ok("name: demo\ncdn: {bucket: " + "a".repeat(63) + "}\n").cdn().orElseThrow().bucket())
                    .hasSize(63);
            only("name: demo\ncdn:\n  bucket: ab\n", 3, 11, "cdn.bucket: expected a bucket name: 3 to 63");
            only("name: demo\ncdn:\n  bucket: " + "a".repeat(64) + "\n", 3, 11, "3 to 63");
            only("name: demo\ncdn:\n  bucket: Assets\n", 3, 11, "got 'Assets'");
            only("name: demo\ncdn:\n  bucket: -assets\n", 3, 11, "got '-assets'");
            only("name: demo\ncdn:\n  bucket: my_assets\n", 3, 11, "got 'my_assets'");
            only("name: demo\ncdn:\n  bucket: my..assets\n", 3, 11, "cdn.bucket: a bucket name cannot contain two '.'");
            only("name: demo\ncdn:\n  bucket: 192.168.5.4\n", 3, 11, "cannot look like an IP address");
            only("name: demo\ncdn:\n  bucket: xn--assets\n", 3, 11, "cannot start with 'xn--'");
            only("name: demo\ncdn:\n  bucket: assets-s3alias\n", 3, 11, "cannot end with '-s3alias'");
        }

        @Test
        void assetsAreKeptAsWrittenWithWhereTheyWereWritten() {
            Cdn cdn = ok("name: demo\ncdn:\n  assets: ../site/static\n").cdn().orElseThrow();
            assertThat(cdn.assets()).contains(new Cdn.Assets("../site/static", new dev.scaler.yaml.Location(3, 11)));
        }

        @Test
        void edge() {
            assertThat(ok("name: demo\ncdn: {edge: {cache: false, ttl: 5m}}\n").cdn().orElseThrow().edge())
                    .isEqualTo(new Edge(false, Duration.ofMinutes(5)));
            only("name: demo\ncdn:\n  edge: {ttl: 0s}\n", 3, 15, "cdn.edge.ttl: expected a duration from 1s to 24h");
            only("name: demo\ncdn:\n  edge: {cache: off}\n", 3, 17, "cdn.edge.cache: expected true or false, got 'off'");
            only("name: demo\ncdn:\n  edge: {stale: true}\n", 3, 10, "unknown field 'stale' in cdn.edge");
        }
    }

    @Nested
    class Datacenters {

        @Test
        void absentMeansOneDatacenterWithoutLatency() {
            assertThat(ok("name: demo\n").datacenters()).containsExactly(new Datacenter("dc1", Duration.ZERO));
        }

        @Test
        void namesAndLatencies() {
            assertThat(ok("name: demo\ndatacenters:\n  - name: us-east\n  - name: eu-west\n    latency: 80ms\n")
                    .datacenters()).containsExactly(new Datacenter("us-east", Duration.ofMillis(30)),
                            new Datacenter("eu-west", Duration.ofMillis(80)));
        }

        @Test
        void nameSyntax() {
            only("name: demo\ndatacenters:\n  - name: US-East\n", 3, 11,
                    "datacenters[0].name: expected a datacenter name: a lowercase letter, then up to 15");
            only("name: demo\ndatacenters:\n  - name: a-very-long-datacenter\n", 3, 11, "up to 15");
        }

        @Test
        void nameIsRequired() {
            only("name: demo\ndatacenters:\n  - latency: 10ms\n", 3, 5,
                    "datacenters[0]: missing required field 'name'");
        }

        @Test
        void namesAreUnique() {
            only("name: demo\ndatacenters:\n  - name: a\n  - name: b\n  - name: a\n", 5, 11,
                    "datacenters[2].name: 'a' is already the name of datacenters[0] (line 3); datacenter names must"
                            + " be unique");
        }

        @Test
        void latencyFrom0To5s() {
            assertThat(ok("name: demo\ndatacenters: [{name: a, latency: 0ms}]\n").datacenters().get(0).latency())
                    .isZero();
            only("name: demo\ndatacenters:\n  - name: a\n    latency: 10s\n", 4, 14,
                    "datacenters[0].latency: expected a duration from 0s to 5s");
        }

        @Test
        void oneToNineEntries() {
            only("name: demo\ndatacenters: []\n", 2, 14, "datacenters: expected a list of 1 to 9 entries, got 0");
            StringBuilder ten = new StringBuilder("name: demo\ndatacenters:\n");
            for (int i = 0; i < 10; i++) {
                ten.append("  - name: dc").append(i).append('\n');
            }
            only(ten.toString(), 3, 3, "got 10");
        }

        @Test
        void entriesAreMappings() {
            only("name: demo\ndatacenters:\n  - us-east\n", 3, 5,
                    "datacenters[0]: expected a mapping of fields, got 'us-east'");
            only("name: demo\ndatacenters: us-east\n", 2, 14, "datacenters: expected a list of 1 to 9 entries");
        }
    }

    @Nested
    class Yaml {

        @Test
        void duplicateKeysAreReportedAtTheSecond() {
            only("name: demo\nweb:\n  replicas: 2\n  replicas: 3\n", 4, 3, "duplicate key 'replicas' (first at line 3)");
            only("name: demo\nname: again\n", 2, 1, "duplicate key 'name' (first at line 1)");
        }

        @Test
        void aliasesAreRefused() {
            only("name: demo\nweb: &w {replicas: 2}\nx: *w\n", 3, 4, "aliases are not supported in topology files");
        }

        @Test
        void anAnchorAloneChangesNothing() {
            assertThat(ok("name: &n demo\nweb: &w {replicas: 3}\n").web().replicas()).isEqualTo(3);
        }

        @Test
        void tabs() {
            only("name: demo\nweb:\n\treplicas: 2\n", 3, 1, "a tab character cannot indent YAML; use spaces");
        }

        @Test
        void malformed() {
            only("name: demo\nweb: {replicas: 2\n", 3, 1, "invalid YAML: expected ',' or '}'");
            only("name: demo\nweb: [\n", 3, 1, "invalid YAML:");
            only("name: 'demo\n", 2, 1, "invalid YAML: found unexpected end of stream");
        }

        @Test
        void complexKeys() {
            only("name: demo\n? [a, b]\n: c\n", 2, 4, "a key must be a plain value");
        }

        @Test
        void oneDocumentOnly() {
            only("name: demo\n---\nname: other\n", 3, 1, "a second YAML document starts here");
        }

        @Test
        void controlCharacters() {
            only("name: demo\nweb: {image: \"a\u0000b\"}\n", 2, 16,
                    "control character U+0000 is not allowed in YAML (is this a binary file?)");
        }

        @Test
        void sizeIsCapped() {
            String big = "name: demo\n" + "#".repeat(1 << 20) + "\n";
            List<Problem> problems = problems(big);
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.line()).isZero();
                assertThat(p.message()).contains("larger than 1 MiB");
            });
        }

        @Test
        void nestingIsCapped() {
            String deep = "name: demo\nx: " + "[".repeat(100) + "]".repeat(100) + "\n";
            only(deep, 2, 4 + 31, "nesting deeper than 32 levels");
        }
    }

    @Nested
    class Problems {

        @Test
        void everyProblemIsReportedAtOnceInFileOrder() {
            List<Problem> problems = problems("""
                    name: Shop
                    web:
                      replicas: 0
                      sesions: redis
                    database:
                      kind: postgres
                    cache: {sentinels: 3}
                    proxies: maybe
                    """);
            assertThat(problems).extracting(p -> p.location().toString()).containsExactly(
                    "1:7", "3:13", "4:3", "6:9", "7:20", "8:10");
            assertThat(problems.get(3).message()).contains("expected mysql or mariadb");
        }

        @Test
        void theMessageHasOneLinePerProblem() {
            TopologyException e = catchThrowableOfType(TopologyException.class,
                    () -> TopologyLoader.parse("name: Shop\nproxies: maybe\n", "t/shop.yaml"));
            assertThat(e.getMessage()).isEqualTo(String.join("\n",
                    "t/shop.yaml:1:7: name: expected a project name: a lowercase letter, then up to 30"
                            + " lowercase letters, digits or '-', got 'Shop'",
                    "t/shop.yaml:2:10: proxies: expected true or false, got 'maybe'"));
        }
    }

    @Nested
    class WebAutoscale {
        @Test
        void readsEveryFieldAndDefaultsTheBehaviors() {
            var a = ok("name: demo\nweb:\n  replicas: 2\n  autoscale: { min: 2, max: 8, target: { requestsPerReplica: 100/s } }\n")
                    .web().autoscale().orElseThrow();
            assertThat(a).isEqualTo(new Autoscale(2, 8, new Autoscale.Target(Autoscale.Metric.REQUESTS_PER_REPLICA, 100),
                    Autoscale.DEFAULT_UP, Autoscale.DEFAULT_DOWN));
            var p99 = ok("name: demo\nweb:\n  replicas: 1\n  autoscale:\n    max: 3\n    target: { p99: 250ms }\n"
                    + "    scaleUp: { window: 5s, step: 2 }\n    scaleDown: { window: 1m, step: 3 }\n").web().autoscale()
                    .orElseThrow();
            assertThat(p99).isEqualTo(new Autoscale(1, 3, new Autoscale.Target(Autoscale.Metric.P99, 250),
                    new Autoscale.Behavior(Duration.ofSeconds(5), 2), new Autoscale.Behavior(Duration.ofMinutes(1), 3)));
            assertThat(ok("name: demo\n").web().autoscale()).isEmpty();
        }

        @Test
        void wrongFieldsAreReportedWhereTheyAreWritten() {
            only("name: demo\nweb:\n  autoscale: { target: { p99: 1s } }\n", 3, 14,
                    "web.autoscale: missing required field 'max'");
            only("name: demo\nweb:\n  autoscale: { max: 4 }\n", 3, 14, "web.autoscale: missing required field 'target'");
            only("name: demo\nweb:\n  autoscale:\n    min: 3\n    max: 2\n    target: { p99: 1s }\n", 5, 10,
                    "web.autoscale.max: must be at least min (3), got 2");
            only("name: demo\nweb:\n  autoscale:\n    max: 65\n    target: { p99: 1s }\n", 4, 10,
                    "web.autoscale.max: expected a whole number from 1 to 64, got '65'");
            only("name: demo\nweb:\n  autoscale:\n    max: 4\n    target: { p99: 1s, requestsPerReplica: 5 }\n", 5, 13,
                    "web.autoscale.target: expected exactly one of requestsPerReplica or p99, got both");
            only("name: demo\nweb:\n  autoscale:\n    max: 4\n    target: { requestsPerReplica: lots }\n", 5, 35,
                    "web.autoscale.target.requestsPerReplica: expected requests per second above 0");
            only("name: demo\nweb:\n  autoscale:\n    max: 4\n    target: { p99: 1s }\n    scaleDown: { window: 2h }\n",
                    6, 26, "web.autoscale.scaleDown.window: expected a duration from 0s to 60m");
            only("name: demo\nweb:\n  replicas: 5\n  autoscale: { max: 4, target: { p99: 1s } }\n", 3, 13,
                    "web.replicas: the replicas to start with must be within autoscale.min (1) and autoscale.max (4), got 5");
        }
    }
}
