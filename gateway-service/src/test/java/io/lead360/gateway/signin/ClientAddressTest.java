package io.lead360.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesForwardedForIsIgnored() {
        ClientAddress addresses = new ClientAddress(List.of());

        assertThat(addresses.of(from("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8"));

        assertThat(addresses.of(from("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedHop() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.10"));

        // the client wrote a fake first hop; the proxies appended what they saw
        assertThat(addresses.of(from("10.1.2.3", "1.2.3.4, 198.51.100.7, 192.0.2.10")))
                .isEqualTo("198.51.100.7");
        assertThat(addresses.of(from("10.1.2.3", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void aHostNameInForwardedForIsNeverLookedUpOrTrusted() {
        ClientAddress addresses = new ClientAddress(List.of("127.0.0.1"));

        assertThat(addresses.of(from("127.0.0.1", "localhost"))).isEqualTo("localhost");
    }

    @Test
    void aTrustedProxyEntryThatIsNoAddressStopsStartup() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.example");
    }

    private static MockServerWebExchange from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request =
                MockServerHttpRequest.post("/api/auth/token").remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }
}
