package dev.parley.xmpp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressLiteralTest {

    @Test
    void parsesIpv4Literal() {
        assertThat(IpAddressLiteral.parse(" 127.0.0.4 ")).isInstanceOf(Inet4Address.class)
                .extracting(a -> a.getHostAddress()).isEqualTo("127.0.0.4");
    }

    @Test
    void parsesIpv6LiteralWithOrWithoutBrackets() {
        assertThat(IpAddressLiteral.parse("::1")).isInstanceOf(Inet6Address.class);
        assertThat(IpAddressLiteral.parse("[::1]").isLoopbackAddress()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "999.1.1.1", "1.2.3", "example.org", "1.2.3.4.5", "::g"})
    void refusesAnythingButALiteralWithoutLookingItUp(String text) {
        assertThatThrownBy(() -> IpAddressLiteral.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }
}
