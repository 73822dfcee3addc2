package dev.scaler.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnyAddressSocketFactoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void skipsAnAddressNothingListensOnAndTriesItLastNextTime() throws Exception {
        var failures = new RecentFailures(Duration.ofSeconds(30), CLOCK);
        try (var server = new ServerSocket(0, 50, ip("127.0.0.1"))) {
            // 127.0.0.2 is loopback too, but nothing listens on it at this port: refused at once.
            var addresses = List.of(ip("127.0.0.2"), ip("127.0.0.1"));
            try (Socket s = AnyAddressSocketFactory.connect("router", addresses, server.getLocalPort(), 1000, failures)) {
                assertThat(s.isConnected()).isTrue();
                assertThat(s.getInetAddress()).isEqualTo(ip("127.0.0.1"));
            }
            assertThat(failures.order(addresses)).containsExactly(ip("127.0.0.1"), ip("127.0.0.2"));
        }
    }

    @Test
    void namesEveryAddressWhenNoneAnswers() throws Exception {
        var failures = new RecentFailures(Duration.ofSeconds(30), CLOCK);
        int port;
        try (var closed = new ServerSocket(0, 50, ip("127.0.0.1"))) {
            port = closed.getLocalPort();
        }
        var addresses = List.of(ip("127.0.0.2"), ip("127.0.0.3"));
        assertThatThrownBy(() -> AnyAddressSocketFactory.connect("router", addresses, port, 1000, failures))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("router:" + port)
                .hasMessageContaining("127.0.0.2")
                .hasMessageContaining("127.0.0.3");
    }

    @Test
    void oneAddressFailsWithTheSocketsOwnError() throws Exception {
        var failures = new RecentFailures(Duration.ofSeconds(30), CLOCK);
        int port;
        try (var closed = new ServerSocket(0, 50, ip("127.0.0.1"))) {
            port = closed.getLocalPort();
        }
        assertThatThrownBy(() -> AnyAddressSocketFactory.connect("db", List.of(ip("127.0.0.1")), port, 1000, failures))
                .isInstanceOf(ConnectException.class)
                .hasMessageNotContaining("did not answer at any address");
    }

    @Test
    void aFailureIsForgottenAfterItsMemoryAndOnAnswer() throws Exception {
        var now = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-12-06T08:00:00Z"));
        var clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        var failures = new RecentFailures(Duration.ofSeconds(30), clock);
        var a = ip("10.0.0.1");
        var b = ip("10.0.0.2");
        var c = ip("10.0.0.3");
        failures.failed(b);
        now.set(now.get().plusSeconds(1));
        failures.failed(a);
        assertThat(failures.order(List.of(a, b, c))).as("failed ones last, longest ago first").containsExactly(c, b, a);
        now.set(now.get().plusSeconds(30));
        assertThat(failures.order(List.of(a, b, c))).as("b's failure is over 30 s old").containsExactly(b, c, a);
        failures.answered(a);
        assertThat(failures.order(List.of(a, b, c))).containsExactly(a, b, c);
    }
}
