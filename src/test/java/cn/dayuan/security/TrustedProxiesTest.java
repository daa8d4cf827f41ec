package cn.dayuan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.StartupRefusedException;

class TrustedProxiesTest {

    private static TrustedProxies trusting(String... proxies) {
        return trusting(new MockEnvironment(), proxies);
    }

    private static TrustedProxies trusting(MockEnvironment environment, String... proxies) {
        return new TrustedProxies(new DayuanProperties(Path.of("target/test-data/TrustedProxiesTest"), false, null,
                null, java.time.ZoneId.of("Asia/Shanghai"), null, null, null, "dayuan", java.time.Duration.ofSeconds(2),
                java.time.Duration.ofHours(24), List.of(proxies),
                java.time.Duration.ofDays(180), java.time.Duration.ofDays(30), List.of(), java.util.Set.of()),
                environment);
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverBelieved() {
        TrustedProxies none = trusting();
        assertThat(none.clientAddress("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("127.0.0.1");
        assertThat(none.clientAddress("198.51.100.7", List.of("10.0.0.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheHopItAddedIsTheClient() {
        TrustedProxies nginx = trusting("127.0.0.1", "10.0.0.0/8");
        assertThat(nginx.clientAddress("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        // the client wrote a value of its own; nginx appended what it saw
        assertThat(nginx.clientAddress("127.0.0.1", List.of("1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
        // two proxies of ours in a row
        assertThat(nginx.clientAddress("127.0.0.1", List.of("1.2.3.4, 203.0.113.9, 10.1.2.3")))
                .isEqualTo("203.0.113.9");
        assertThat(nginx.clientAddress("127.0.0.1", List.of("1.2.3.4", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(nginx.clientAddress("127.0.0.1", List.of("2001:db8::1"))).isEqualTo("2001:db8::1");
        // nothing that is not an address is believed, nor anything to the left of it
        assertThat(nginx.clientAddress("127.0.0.1", List.of("203.0.113.9, evil.example"))).isEqualTo("127.0.0.1");
        assertThat(nginx.clientAddress("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        // a peer we do not trust sent it
        assertThat(nginx.clientAddress("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aSettingThatWouldBelieveEveryoneRefusesToStart() {
        MockEnvironment nativeStrategy = new MockEnvironment().withProperty("server.forward-headers-strategy", "native");
        assertThatThrownBy(() -> trusting(nativeStrategy, "127.0.0.1")).isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("X-Forwarded-For");
        assertThatThrownBy(() -> trusting("proxy.example")).isInstanceOf(StartupRefusedException.class);
    }
}
