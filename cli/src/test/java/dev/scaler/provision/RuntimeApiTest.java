package dev.scaler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuntimeApiTest {
    // The format of HAProxy 2.6's `show servers state web` (management guide): a version line, a header, one row each.
    private static final String STATE = """
            1
            # be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port
            3 web 1 web1 172.18.0.4 2 0 1 1 20 6 3 4 6 0 0 0 web 8080 - 0 0 - - 0
            3 web 2 web2 172.18.0.5 0 0 1 1 3 6 3 0 14 0 0 0 web 8080 - 0 0 - - 0
            3 web 3 web3 172.18.0.6 2 8 1 1 20 6 3 4 6 0 0 0 web 8080 - 0 0 - - 0
            3 web 4 web4 - 0 32 1 1 20 1 0 0 14 0 0 0 - 8080 - 0 0 - - 0
            """;

    @Test
    void joinsTheAddressOfEachSlotToItsStatusAndSessions() throws Exception {
        String stats = new String(RuntimeApiTest.class.getResourceAsStream("/haproxy/stats.csv").readAllBytes(),
                StandardCharsets.UTF_8);
        var slots = RuntimeApi.slots(STATE, stats);
        assertThat(slots).hasSize(9).first().isEqualTo(new ServerSlot("web1", "172.18.0.4", "UP", "L7OK", 0));
        assertThat(slots.get(1)).isEqualTo(new ServerSlot("web2", "172.18.0.5", "DOWN", "L7OK", 0));
        assertThat(slots.get(3).address()).as("a slot DNS has not filled").isEmpty();
        assertThat(slots.get(4).address()).as("a slot the state does not list").isEmpty();
        assertThat(slots.stream().filter(ServerSlot::serving)).extracting(ServerSlot::name).containsExactly("web1", "web3");
    }

    @Test
    void aSlotIsServingOnlyOnceHaproxysOwnCheckPassedOnIt() {
        assertThat(new ServerSlot("web4", "172.18.0.7", "UP", "", 0).serving()).as("just filled by DNS").isFalse();
        assertThat(new ServerSlot("web4", "172.18.0.7", "UP", "SOCKERR", 0).serving()).isFalse();
        assertThat(new ServerSlot("web4", "172.18.0.7", "UP 1/2", "* L7OK", 0).serving()).as("a check running").isTrue();
        assertThat(new ServerSlot("web4", "172.18.0.7", "DOWN", "L7OK", 0).serving()).isFalse();
    }

    @Test
    void countsTheWebFrontendsRequestsAndServerErrors() throws Exception {
        String stats = new String(RuntimeApiTest.class.getResourceAsStream("/haproxy/stats.csv").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(RuntimeApi.traffic(stats)).isEqualTo(new RuntimeApi.Traffic(4, 0));
        var csv = "# pxname,svname,type,req_tot,hrsp_5xx\nweb,FRONTEND,0,1200,30\nweb,BACKEND,1,1200,31\n";
        assertThat(RuntimeApi.traffic(csv).since(new RuntimeApi.Traffic(200, 10))).isEqualTo(new RuntimeApi.Traffic(1000, 20));
    }

    @Test
    void readsAddressesByColumnName() {
        assertThat(RuntimeApi.addresses(STATE)).containsEntry("web1", "172.18.0.4").containsEntry("web3", "172.18.0.6")
                .containsEntry("web4", "").hasSize(4);
        assertThat(RuntimeApi.addresses("1\n")).isEmpty();
    }
}
