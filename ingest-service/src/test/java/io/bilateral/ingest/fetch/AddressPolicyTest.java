package io.bilateral.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1          | 127.0.0.1 is a loopback address
            127.8.9.10         | 127.8.9.10 is a loopback address
            ::1                | 0:0:0:0:0:0:0:1 is a loopback address
            0.0.0.0            | 0.0.0.0 is an unspecified address
            10.1.2.3           | 10.1.2.3 is a private address
            172.16.0.1         | 172.16.0.1 is a private address
            192.168.1.1        | 192.168.1.1 is a private address
            169.254.169.254    | 169.254.169.254 is a link-local address
            fe80::1            | fe80:0:0:0:0:0:0:1 is a link-local address
            fc00::1            | fc00:0:0:0:0:0:0:1 is a unique-local address
            fdab:cd::1         | fdab:cd:0:0:0:0:0:1 is a unique-local address
            100.64.0.1         | 100.64.0.1 is a carrier-grade NAT address
            224.0.0.1          | 224.0.0.1 is a multicast address
            ::ffff:127.0.0.1   | 127.0.0.1 is a loopback address
            64:ff9b::a00:1     | 64:ff9b:0:0:0:0:a00:1 is a private (IPv4-embedding IPv6) address
            """)
    void shouldRefuseNonPublicAddresses(String address, String reason) throws Exception {
        assertEquals(Optional.of(reason), AddressPolicy.publicOnly().refusal("host", InetAddress.getByName(address)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "100.128.0.1"})
    void shouldAllowPublicAddresses(String address) throws Exception {
        assertEquals(Optional.empty(), AddressPolicy.publicOnly().refusal("host", InetAddress.getByName(address)));
    }

    @ParameterizedTest(name = "{0} allows {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1        | any        | 127.0.0.1
            10.0.0.0/8       | any        | 10.200.3.4
            fc00::/7         | any        | fd00::5
            intranet.local   | INTRANET.local | 10.9.9.9
            """)
    void shouldAllowWhatIsOnTheAllowList(String entry, String host, String address) throws Exception {
        assertEquals(
                Optional.empty(), AddressPolicy.allowing(List.of(entry)).refusal(host, InetAddress.getByName(address)));
    }

    @Test
    void shouldStillRefuseWhatTheAllowListDoesNotCover() throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of("127.0.0.1", "intranet.local"));
        assertThat(policy.refusal("other", InetAddress.getByName("127.0.0.2")))
                .contains("127.0.0.2 is a loopback address");
        assertThat(policy.refusal("other", InetAddress.getByName("10.0.0.1")))
                .contains("10.0.0.1 is a private address");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/33      | '10.0.0.0/33' has a prefix length outside 0..32
            10.0.0.0/x       | '10.0.0.0/x' has no valid prefix length
            host name        | allow-list entry 'host name' is neither a hostname, an IP address nor a CIDR network
            example.com/8    | 'example.com/8' is not an IP address or CIDR network
            """)
    void shouldRefuseMalformedAllowListEntries(String entry, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AddressPolicy.allowing(List.of(entry)));
        assertEquals(message, e.getMessage());
    }
}
