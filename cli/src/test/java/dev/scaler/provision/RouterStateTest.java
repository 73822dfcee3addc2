package dev.scaler.provision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterStateTest {
    private static final String HEADER = "1\n# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state "
            + "srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health "
            + "srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl "
            + "srv_check_port srv_check_addr srv_agent_addr srv_agent_port\n";

    @Test
    void readsTheNameTheRouteLeadsTo() {
        String answer = HEADER + "3 db 1 primary 10.0.1.5 2 0 1 1 12 6 3 4 6 0 0 0 starter-db-2 3306 - 0 0 - - 0\n\n";
        assertThat(RouterState.fqdn(answer)).contains("starter-db-2");
    }

    @Test
    void noNameWhenTheServerHasNoneOrTheBackendIsUnknown() {
        assertThat(RouterState.fqdn(HEADER + "3 db 1 primary 10.0.1.5 2 0 1 1 12 6 3 4 6 0 0 0 - 3306 - 0 0 - - 0\n"))
                .isEmpty();
        assertThat(RouterState.fqdn("Can't find backend.\n")).isEmpty();
        assertThat(RouterState.fqdn("")).isEmpty();
    }
}
