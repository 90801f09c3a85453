package org.openita.server.oit.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openita.server.oit.internal.fetch.Fetched.Outcome;

/** Every range and host spelling the fetcher must refuse, and the public ones it must let through. */
class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "0.0.0.0", "0.1.2.3", "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.255", "169.254.0.1", "169.254.169.254",
            "100.100.100.200", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "198.18.0.1",
            "198.19.255.255", "192.0.2.1", "198.51.100.7", "203.0.113.9", "192.0.0.8", "192.88.99.1",
            "::", "::1", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "fd00:ec2::254", "fec0::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "::10.1.2.3", "64:ff9b::7f00:1", "64:ff9b::a00:1",
            "64:ff9b:1::1", "2002:7f00:1::1", "2002:c0a8:101::1", "2001:db8::1", "3fff::1", "2001:2::1",
            "2001:0:4136:e378:8000:63bf:80ff:fffe", "2001:0:7f00:1::1", "100::1"})
    void refusesEveryAddressThatIsNotPublic(String literal) throws UnknownHostException {
        assertThat(AddressGuard.checkAddress(InetAddress.getByName(literal)).allowed()).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "203.150.1.1", "164.115.1.1", "172.15.255.255", "172.32.0.1",
            "100.63.255.255", "100.128.0.1", "198.17.255.255", "198.20.0.1", "11.0.0.1", "2001:4860:4860::8888",
            "2404:6800:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
            "2001:0:808:808:8000:63bf:f7f7:f7f7"})
    void letsPublicAddressesThrough(String literal) throws UnknownHostException {
        assertThat(AddressGuard.checkAddress(InetAddress.getByName(literal)).allowed()).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://2130706433/",             // decimal 127.0.0.1: Java's InetAddress reads it as 127.0.0.1
            "http://0177.0.0.1/",             // octal: Java reads 177.0.0.1, browsers and the C library 127.0.0.1
            "http://0x7f.0.0.1/",             // hex: java.net.URI gives no host, inet_aton gives 127.0.0.1
            "http://0x7f000001/",
            "http://127.1/",                  // short form: java.net.URI gives no host, inet_aton gives 127.0.0.1
            "http://10.1/",
            "http://0/",                      // Java reads 0.0.0.0, which Linux connects to this machine
            "http://0.0.0.0/",
            "http://127.0.0.1/",
            "http://127.0.0.1:8080/x",
            "http://[::1]/",
            "http://[::ffff:127.0.0.1]/",     // Java turns IPv4-mapped IPv6 into the IPv4 address
            "http://[::ffff:7f00:1]/",
            "http://[0:0:0:0:0:ffff:7f00:1]/",
            "http://[fe80::1%25eth0]/",       // zone id
            "http://[fd00:ec2::254]/",
            "http://localhost/",
            "http://localhost./",             // trailing dot: the same name to DNS
            "http://LOCALHOST/",
            "http://app.localhost/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://metadata/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.100.100.200/",
            "http://%31%32%37.0.0.1/",        // percent-encoded host: java.net.URI gives no host
            "http://%6c%6f%63%61%6c%68%6f%73%74/",
            "http://intranet/",               // single label: answered through the local search domains
            "http://printer.local/",
            "http://1.2.3.4.5/",
            "http://127.0.0.1./"})
    void refusesEverySpellingOfAPrivateHost(String link) {
        HopTarget target = HopTarget.of(URI.create(link), List.of());
        assertThat(target.outcome()).as(link).isEqualTo(Outcome.UNSAFE_ADDRESS);
        assertThat(target.refusal()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.go.th/a", "jar:file:/x.jar!/a", "gopher://example.go.th/",
            "data:text/html,hello", "mailto:a@example.go.th", "http:///nohost", "http://user@example.go.th/",
            "http://user:pass@example.go.th/", "http://example.go.th:99999/", "http://example.go.th:x/", "//example.go.th/",
            "javascript:alert(1)"})
    void refusesWhatIsNotAPlainHttpLink(String link) {
        assertThat(HopTarget.of(URI.create(link), List.of()).outcome()).as(link).isEqualTo(Outcome.NOT_ALLOWED_SCHEME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.example.go.th/ita/o1.pdf", "http://example.go.th:8080/x?y=1",
            "https://EXAMPLE.GO.TH./", "https://8.8.8.8/", "https://[2001:4860:4860::8888]/", "https://สำนักงาน.ไทย/"})
    void acceptsPublicLinks(String link) {
        HopTarget target = HopTarget.of(URI.create(link), List.of());
        assertThat(target.refusal()).as(link).isNull();
        assertThat(target.trusted()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void internationalisedNamesAreSentInTheirAsciiForm() {
        assertThat(HopTarget.of(URI.create("https://สำนักงาน.ไทย/หน้า?q=ก"), List.of()))
                .satisfies(t -> {
                    assertThat(t.host()).startsWith("xn--").endsWith(".xn--o3cw4h");
                    assertThat(t.pathAndQuery()).isEqualTo("/%E0%B8%AB%E0%B8%99%E0%B9%89%E0%B8%B2?q=%E0%B8%81");
                });
    }

    @org.junit.jupiter.api.Test
    void theAllowListTrustsExactlyTheHostAndPortItNames() {
        assertThat(HopTarget.of(URI.create("http://127.0.0.1:8123/a"), List.of("127.0.0.1:8123")).trusted()).isTrue();
        assertThat(HopTarget.of(URI.create("http://127.0.0.1:8124/a"), List.of("127.0.0.1:8123")).outcome())
                .isEqualTo(Outcome.UNSAFE_ADDRESS);
    }
}
