package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
    private static final String P = "jdbc:mariadb://db-primary:3306/scaler";

    private static DatabaseSettings read(Map<String, String> env) {
        return Config.fromEnv(env, () -> "h").database();
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void noVariablesMeansNoDatabase() {
        DatabaseSettings db = read(Map.of());

        assertThat(db).isEqualTo(DatabaseSettings.NONE);
        assertThat(db.configured()).isFalse();
        assertThat(db.noteShards()).isEmpty();
    }

    @Test
    void readsPrimaryReplicasCredentialsAndReadsFrom() {
        DatabaseSettings db = read(env(
                "SCALER_DB_PRIMARY_URL", P,
                "SCALER_DB_REPLICA_URLS", "jdbc:mariadb://r1:3306/scaler, jdbc:mysql://r2:3307/scaler?useSSL=false",
                "SCALER_DB_USER", "scaler",
                "SCALER_DB_PASSWORD", "pw",
                "SCALER_DB_READS_FROM", "primary"));

        assertThat(db.primaryUrl()).contains(P);
        assertThat(db.replicaUrls()).containsExactly("jdbc:mariadb://r1:3306/scaler", "jdbc:mysql://r2:3307/scaler?useSSL=false");
        assertThat(db.user()).contains("scaler");
        assertThat(db.password()).contains("pw");
        assertThat(db.readsFrom()).isEqualTo(ReadsFrom.PRIMARY);
        assertThat(db.configured()).isTrue();
    }

    @Test
    void defaultsAreReadsFromReplicasAndHashSharding() {
        DatabaseSettings db = read(env("SCALER_DB_PRIMARY_URL", P, "SCALER_DB_USER", "u"));

        assertThat(db.readsFrom()).isEqualTo(ReadsFrom.REPLICAS);
        assertThat(db.strategy()).isEqualTo(ShardStrategy.HASH);
        assertThat(db.password()).isEmpty();
    }

    @Test
    void withoutShardsNotesLiveOnTheMainDatabaseAsShardZero() {
        DatabaseSettings db = read(env("SCALER_DB_PRIMARY_URL", P, "SCALER_DB_REPLICA_URLS", "jdbc:mariadb://r1/scaler", "SCALER_DB_USER", "u"));

        assertThat(db.noteShards()).containsExactly(new DatabaseSettings.Shard(P, List.of("jdbc:mariadb://r1/scaler")));
    }

    @Test
    void shardsInOrderWithTheirReplicas() {
        DatabaseSettings db = read(env(
                "SCALER_SHARD_URLS", "jdbc:mariadb://s0:3306/scaler,jdbc:mariadb://s1:3306/scaler",
                "SCALER_SHARD_1_REPLICA_URLS", "jdbc:mariadb://s1r0:3306/scaler,jdbc:mariadb://s1r1:3306/scaler",
                "SCALER_SHARD_STRATEGY", "range",
                "SCALER_DB_USER", "u"));

        assertThat(db.shards()).containsExactly(
                new DatabaseSettings.Shard("jdbc:mariadb://s0:3306/scaler", List.of()),
                new DatabaseSettings.Shard("jdbc:mariadb://s1:3306/scaler",
                        List.of("jdbc:mariadb://s1r0:3306/scaler", "jdbc:mariadb://s1r1:3306/scaler")));
        assertThat(db.noteShards()).isEqualTo(db.shards());
        assertThat(db.strategy()).isEqualTo(ShardStrategy.RANGE);
        assertThat(db.primaryUrl()).isEmpty();
        assertThat(db.configured()).isTrue();
    }

    @Test
    void aCommaInsideOneUrlsOptionsDoesNotSplitIt() {
        DatabaseSettings db = read(env("SCALER_SHARD_URLS",
                "jdbc:mariadb://s0/scaler?sessionVariables=a=1,b=2,jdbc:mariadb://s1/scaler", "SCALER_DB_USER", "u"));

        assertThat(db.shards()).extracting(DatabaseSettings.Shard::primaryUrl)
                .containsExactly("jdbc:mariadb://s0/scaler?sessionVariables=a=1,b=2", "jdbc:mariadb://s1/scaler");
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        assertThatThrownBy(() -> read(env(
                "SCALER_DB_PRIMARY_URL", "postgres://db/scaler",
                "SCALER_SHARD_URLS", "jdbc:mariadb://s0/scaler?user=x&password=secret",
                "SCALER_SHARD_3_REPLICA_URLS", "jdbc:mariadb://r/scaler",
                "SCALER_DB_READS_FROM", "nearest",
                "SCALER_SHARD_STRATEGY", "modulo")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(6);
                    assertThat(e.problems()).anyMatch(p -> p.startsWith("SCALER_DB_PRIMARY_URL must hold URLs like jdbc:mariadb://"));
                    assertThat(e.problems()).anyMatch(p -> p.equals("SCALER_SHARD_URLS must not carry a password; put it in SCALER_DB_PASSWORD"));
                    assertThat(e.problems()).anyMatch(p -> p.startsWith("SCALER_SHARD_3_REPLICA_URLS names shard 3 but SCALER_SHARD_URLS lists 1 shard(s)"));
                    assertThat(e.problems()).anyMatch(p -> p.equals("SCALER_DB_READS_FROM must be replicas or primary, got 'nearest'"));
                    assertThat(e.problems()).anyMatch(p -> p.equals("SCALER_SHARD_STRATEGY must be hash or range, got 'modulo'"));
                    assertThat(e.problems()).anyMatch(p -> p.startsWith("SCALER_DB_USER is required"));
                    assertThat(String.join("\n", e.problems())).doesNotContain("secret");
                });
    }

    @Test
    void replicasNeedAPrimary() {
        assertThatThrownBy(() -> read(env("SCALER_DB_REPLICA_URLS", "jdbc:mariadb://r/scaler", "SCALER_DB_USER", "u")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("SCALER_DB_REPLICA_URLS needs SCALER_DB_PRIMARY_URL: replicas follow a primary"));
    }

    @Test
    void urlsMustNameADatabase() {
        assertThatThrownBy(() -> read(env("SCALER_DB_PRIMARY_URL", "jdbc:mariadb://db:3306", "SCALER_DB_USER", "u")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> read(env("SCALER_DB_PRIMARY_URL", "jdbc:mariadb://a,b/scaler", "SCALER_DB_USER", "u")))
                .as("multi-host URLs: failover is the topology's job, behind one stable address")
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void passwordNeverPrinted() {
        Config config = Config.fromEnv(env("SCALER_DB_PRIMARY_URL", P, "SCALER_DB_USER", "u", "SCALER_DB_PASSWORD", "hunter2"), () -> "h");

        assertThat(config.toString()).doesNotContain("hunter2").contains("password=***");
        assertThat(DatabaseSettings.redact("jdbc:mariadb://h/db?password=x&a=b")).isEqualTo("jdbc:mariadb://h/db?password=***&a=b");
    }

    @Test
    void rangeShardingAllowsAtMost36Shards() {
        String urls = String.join(",", java.util.Collections.nCopies(37, "jdbc:mariadb://s/scaler"));
        assertThatThrownBy(() -> read(env("SCALER_SHARD_URLS", urls, "SCALER_SHARD_STRATEGY", "range", "SCALER_DB_USER", "u")))
                .isInstanceOf(ConfigException.class);
        assertThat(read(env("SCALER_SHARD_URLS", urls, "SCALER_DB_USER", "u")).shards()).hasSize(37);
    }

    @Test
    void emptyPasswordIsNoPassword() {
        assertThat(read(env("SCALER_DB_PRIMARY_URL", P, "SCALER_DB_USER", "u", "SCALER_DB_PASSWORD", "")).password())
                .isEqualTo(Optional.empty());
    }
}
