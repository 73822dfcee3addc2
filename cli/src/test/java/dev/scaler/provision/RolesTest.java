package dev.scaler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void readsTheRoleFromRedisInfo() {
        assertThat(Roles.redisRole("# Replication\r\nrole:master\r\nconnected_slaves:1\r\n")).contains("primary");
        assertThat(Roles.redisRole("# Replication\nrole:slave\nmaster_host:x\n")).contains("replica");
    }

    @Test
    void noRoleLineIsNoAnswer() {
        assertThat(Roles.redisRole("NOAUTH Authentication required.")).isEmpty();
        assertThat(Roles.redisRole("role:sentinel")).isEmpty();
    }

    @Test
    void readsTheRoleOfASqlServer() {
        assertThat(Roles.sqlRole("read_only:0\n")).contains("primary");
        assertThat(Roles.sqlRole("read_only:OFF\n")).contains("primary");
        assertThat(Roles.sqlRole("read_only:1\n*************************** 1. row ***************************\n"
                + "        Master_Host: shop-db-1\n")).contains("replica of shop-db-1");
        assertThat(Roles.sqlRole("read_only:1\n   Source_Host: shop-db-2\n")).contains("replica of shop-db-2");
        assertThat(Roles.sqlRole("read_only:1\n")).contains("fenced");
        assertThat(Roles.sqlRole("ERROR 2002")).isEmpty();
    }
}
