package dev.parley.xmpp.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1 | a loopback address",
            "127.45.6.7 | a loopback address",
            "::1 | a loopback address",
            "::ffff:127.0.0.1 | a loopback address",
            "0.0.0.0 | the unspecified address",
            ":: | the unspecified address",
            "169.254.10.20 | a link-local address",
            "fe80::1 | a link-local address",
            "10.1.2.3 | a private network address",
            "172.16.0.1 | a private network address",
            "172.31.255.254 | a private network address",
            "192.168.1.1 | a private network address",
            "::ffff:192.168.1.1 | a private network address",
            "fd12:3456:789a::1 | a unique local address (fc00::/7)",
            "fc00::1 | a unique local address (fc00::/7)",
            "100.64.0.1 | a shared address of carrier-grade NAT (100.64.0.0/10)",
            "100.127.255.254 | a shared address of carrier-grade NAT (100.64.0.0/10)",
            "0.1.2.3 | an address of \"this network\" (0.0.0.0/8)",
            "240.0.0.1 | a reserved address (240.0.0.0/4)",
            "255.255.255.255 | a reserved address (240.0.0.0/4)",
            "224.0.0.5 | a multicast address",
            "ff02::1 | a multicast address"})
    void namesTheKindOfANonPublicAddress(String address, String kind) throws Exception {
        assertThat(PrivateAddresses.kindOf(InetAddress.getByName(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.63.255.255", "100.128.0.1",
            "11.0.0.1", "2001:db8::10", "2a00:1450:4001::1", "fbff::1"})
    void findsAPublicAddressPublic(String address) throws Exception {
        assertThat(PrivateAddresses.kindOf(InetAddress.getByName(address))).isEmpty();
    }
}
