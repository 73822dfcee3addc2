package dev.scaler.provision.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.sql.Dialect;
import dev.scaler.sql.Source;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SqlNodeTest {

    @Test
    void urlBoundsConnectAndReadsAndLetsMySqlFetchItsKey() {
        assertThat(SqlNode.url(Dialect.MARIADB, "127.0.0.1", 33061, Duration.ofSeconds(2)))
                .isEqualTo("jdbc:mariadb://127.0.0.1:33061/?connectTimeout=2000&socketTimeout=2000");
        assertThat(SqlNode.url(Dialect.MYSQL, "db-1", 3306, Duration.ofMillis(500)))
                .isEqualTo("jdbc:mariadb://db-1:3306/?connectTimeout=500&socketTimeout=500&allowPublicKeyRetrieval=true");
    }

    @Test
    void errorMessagesDoNotShowPasswords() {
        for (Dialect d : new Dialect[] {Dialect.MARIADB, Dialect.MYSQL}) {
            for (String sql : d.createReplicationUser("repl", "it's-s3cret")) {
                assertThat(SqlNode.redact(sql)).doesNotContain("s3cret");
            }
            String change = d.replicateFrom(Source.of("db-1", "repl", "x\\'y-s3cret")).get(1);
            assertThat(SqlNode.redact(change)).doesNotContain("s3cret").contains("'db-1'", "'repl'", "'***'");
        }
    }
}
