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
}
