package dev.scaler.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaler.state.Deployments.Deployed;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentsTest {
    @TempDir
    Path dir;

    private static final Deployed V1 = new Deployed("/t/shop.yaml", "name: shop\n", "offline", 0);
    private static final Deployed V2 = new Deployed("/t/shop.yaml", "name: shop\nweb: {env: {V: '2'}}\n", "offline", 0);

    @Test
    void aNewSpecKeepsTheOneBeforeAScaleDoesNot() {
        var store = Deployments.in(dir);
        assertThat(store.current("shop")).isEmpty();
        store.record("shop", V1);
        store.record("shop", V1);
        assertThat(store.previous("shop")).as("the same spec again is no new revision").isEmpty();
        store.record("shop", V2);
        assertThat(store.current("shop")).contains(V2);
        assertThat(store.previous("shop")).contains(V1);
        store.replace("shop", V2.withWebReplicas(5));
        assertThat(store.current("shop")).contains(V2.withWebReplicas(5));
        assertThat(store.previous("shop")).contains(V1);
        store.forget("shop");
        assertThat(store.current("shop")).isEmpty();
        assertThat(store.previous("shop")).isEmpty();
    }
}
