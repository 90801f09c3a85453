package org.openita.server.oit.internal.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.oit.internal.fetch.Fetched.Outcome;
import org.springframework.util.unit.DataSize;

/** The fetcher against real local HTTP servers; only the first server is on the test allow-list. */
class SafeFetcherTest {

    private TestSite site;
    private TestSite other;
    private final List<SafeFetcher> fetchers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        site = new TestSite();
        other = new TestSite();
        other.on("/", TestSite.page("text/html", "<p>private</p>".getBytes(UTF_8)));
    }

    @AfterEach
    void stop() throws Exception {
        for (SafeFetcher f : fetchers) {
            f.destroy();
        }
        site.close();
        other.close();
    }

    private FetchProperties trusting() {
        return FetchProperties.defaults().withAllowHosts(List.of(site.hostPort())).withPoliteness(2, Duration.ZERO);
    }

    private SafeFetcher fetcher(FetchProperties p) {
        return fetcher(p, HostResolver.SYSTEM);
    }

    private SafeFetcher fetcher(FetchProperties p, HostResolver resolver) {
        SafeFetcher f = new SafeFetcher(p, resolver);
        fetchers.add(f);
        return f;
    }

    @Test
    void withoutTheAllowListTheLocalServerIsAnUnsafeAddressAndNeverAsked() {
        site.on("/", TestSite.page("text/html", "<p>hi</p>".getBytes(UTF_8)));
        Fetched f = fetcher(FetchProperties.defaults()).fetch(site.url("/"));
        assertThat(f.outcome()).isEqualTo(Outcome.UNSAFE_ADDRESS);
        assertThat(f.finalUrl()).isNull();
        assertThat(site.requests).hasValue(0);
        assertThat(FetchProperties.defaults().allowHosts()).isEmpty();
    }

    @Test
    void fetchesAPageWithItsTypeAndAClearUserAgent() {
        byte[] html = "<html><head><title>แผน</title></head><body>ปีงบประมาณ ๒๕๖๙</body></html>".getBytes(UTF_8);
        site.on("/ita/o1", TestSite.page("text/html; charset=UTF-8", html));
        Fetched f = fetcher(trusting()).fetch(site.url("/ita/o1"));
        assertThat(f.outcome()).isEqualTo(Outcome.OK);
        assertThat(f.status()).isEqualTo(200);
        assertThat(f.contentType()).isEqualTo("text/html");
        assertThat(f.body()).isEqualTo(html);
        assertThat(f.finalUrl()).isEqualTo(site.url("/ita/o1"));
        assertThat(site.userAgents).containsExactly("OpenITA-precheck/1 (+https://github.com/openita)");
    }

    @Test
    void aMissingPageIsAnHttpErrorWithItsStatus() {
        site.on("/", TestSite.status(404));
        Fetched f = fetcher(trusting()).fetch(site.url("/gone"));
        assertThat(f.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.finalUrl()).isEqualTo(site.url("/gone"));
    }

    @Test
    void aRedirectToAnotherLocalPortIsRefusedOnThatHop() {
        site.on("/r", TestSite.redirect("http://127.0.0.1:" + other.port() + "/"));
        site.on("/l", TestSite.redirect("http://localhost:" + site.port() + "/"));
        site.on("/d", TestSite.redirect("http://2130706433:" + other.port() + "/"));
        SafeFetcher fetcher = fetcher(trusting());
        for (String path : List.of("/r", "/l", "/d")) {
            Fetched f = fetcher.fetch(site.url(path));
            assertThat(f.outcome()).as(path).isEqualTo(Outcome.UNSAFE_ADDRESS);
            assertThat(f.detail()).as(path).startsWith("redirect 1 to ");
        }
        assertThat(other.requests).hasValue(0);
        assertThat(site.requests).hasValue(3);
    }

    @Test
    void redirectsAreFollowedUpToTheLimitAndLoopsAreCaught() {
        site.on("/hop", exchange -> {
            int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
            TestSite.redirect(n >= 3 ? "/done" : "/hop/" + (n + 1)).handle(exchange);
        });
        site.on("/done", TestSite.page("text/plain", "done".getBytes(UTF_8)));
        site.on("/a", TestSite.redirect("/b"));
        site.on("/b", TestSite.redirect("/a"));
        SafeFetcher fetcher = fetcher(trusting());

        Fetched ok = fetcher.fetch(site.url("/hop/0"));
        assertThat(ok.outcome()).isEqualTo(Outcome.OK);
        assertThat(ok.finalUrl()).isEqualTo(site.url("/done"));

        Fetched tooMany = fetcher(trusting().withLimits(DataSize.ofMegabytes(20), Duration.ofSeconds(30), 2))
                .fetch(site.url("/hop/0"));
        assertThat(tooMany.outcome()).isEqualTo(Outcome.TOO_MANY_REDIRECTS);

        int before = site.requests.get();
        Fetched loop = fetcher.fetch(site.url("/a"));
        assertThat(loop.outcome()).isEqualTo(Outcome.TOO_MANY_REDIRECTS);
        assertThat(loop.detail()).contains("loop");
        assertThat(site.requests.get() - before).isEqualTo(2);
    }

    @Test
    void aHundredMegabytesStopAtTheLimitWithoutBeingHeld() {
        site.on("/declared", site.huge(100L << 20, true));
        site.on("/chunked", site.huge(100L << 20, false));
        SafeFetcher fetcher = fetcher(trusting().withLimits(DataSize.ofMegabytes(1), Duration.ofSeconds(30), 5));

        Fetched declared = fetcher.fetch(site.url("/declared"));
        assertThat(declared.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(declared.body()).isEmpty();

        Fetched chunked = fetcher.fetch(site.url("/chunked"));
        assertThat(chunked.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(chunked.body()).isEmpty();
        assertThat(chunked.detail()).contains("1048576");
        // the connection was dropped, not drained: the server got out a small part of the 200 MB
        assertThat(site.bytesWritten.get()).isLessThan(30L << 20);
    }

    @Test
    void aCompressedBodyIsLimitedByWhatItInflatesTo() throws Exception {
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                gzip.write(zeros);
            }
        }
        byte[] bomb = packed.toByteArray();
        site.on("/bomb", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, bomb.length);
            exchange.getResponseBody().write(bomb);
        });
        Fetched f = fetcher(trusting().withLimits(DataSize.ofMegabytes(1), Duration.ofSeconds(30), 5)).fetch(site.url("/bomb"));
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(f.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(f.body()).isEmpty();
    }

    @Test
    void aServerThatDripsOneByteAtATimeIsStoppedByTheTotalTimeLimit() {
        site.on("/drip", TestSite.drip(100));
        Fetched f = fetcher(trusting().withLimits(DataSize.ofMegabytes(20), Duration.ofSeconds(1), 5))
                .fetch(site.url("/drip"));
        assertThat(f.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(f.body()).isEmpty();
    }

    @Test
    void oversizedResponseHeadersAreRefused() {
        site.on("/h", exchange -> {
            exchange.getResponseHeaders().add("X-Big", "a".repeat(20_000));
            exchange.sendResponseHeaders(200, -1);
        });
        assertThat(fetcher(trusting()).fetch(site.url("/h")).outcome()).isEqualTo(Outcome.UNREACHABLE);
    }

    @Test
    void noMoreThanTheAllowedRequestsAreInFlightToOneHost() throws Exception {
        site.on("/slow", TestSite.slow(300));
        SafeFetcher fetcher = fetcher(trusting());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Fetched>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> fetcher.fetch(site.url("/slow"))));
            }
            for (Future<Fetched> r : results) {
                assertThat(r.get().outcome()).isEqualTo(Outcome.OK);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(site.requests).hasValue(6);
        assertThat(site.mostInFlight.get()).isBetween(1, 2);
    }

    @Test
    void requestsToOneHostStartAtLeastTheDelayApart() throws Exception {
        site.on("/", TestSite.page("text/plain", "ok".getBytes(UTF_8)));
        SafeFetcher fetcher = fetcher(trusting().withPoliteness(4, Duration.ofMillis(300)));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Fetched>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> fetcher.fetch(site.url("/"))));
            }
            for (Future<Fetched> r : results) {
                assertThat(r.get().outcome()).isEqualTo(Outcome.OK);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> starts = new ArrayList<>(site.arrivals);
        starts.sort(Long::compare);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).isGreaterThan(Duration.ofMillis(250));
        }
    }

    @Test
    void anAnswerThatTurnsPrivateIsNeverConnectedToAndAPrivateAnswerIsRefused() throws Exception {
        site.on("/", TestSite.page("text/plain", "inside".getBytes(UTF_8)));
        AtomicInteger asked = new AtomicInteger();
        HostResolver rebinding = host -> {
            if (!host.equals("rebind.example.com")) {
                throw new UnknownHostException(host);
            }
            // public the first time, this machine afterwards
            return new InetAddress[] {InetAddress.getByName(asked.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")};
        };
        FetchProperties p = FetchProperties.defaults().withPoliteness(2, Duration.ZERO)
                .withLimits(DataSize.ofMegabytes(1), Duration.ofSeconds(2), 5);
        SafeFetcher fetcher = fetcher(p, rebinding);
        URI link = URI.create("http://rebind.example.com:" + site.port() + "/");

        Fetched first = fetcher.fetch(link);
        assertThat(first.outcome()).isIn(Outcome.UNREACHABLE, Outcome.TIMEOUT);
        assertThat(asked).hasValue(1); // one answer, checked and connected to: no second look-up to rebind
        Fetched second = fetcher.fetch(link);
        assertThat(second.outcome()).isEqualTo(Outcome.UNSAFE_ADDRESS);
        assertThat(second.detail()).contains("127.0.0.1");
        assertThat(site.requests).hasValue(0);
    }

    @Test
    void anAnswerWithOnePrivateAddressAmongPublicOnesIsRefusedWhole() {
        site.on("/", TestSite.page("text/plain", "inside".getBytes(UTF_8)));
        HostResolver mixed = host -> new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
                InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        Fetched f = fetcher(FetchProperties.defaults(), mixed).fetch(URI.create("http://mixed.example.com:" + site.port() + "/"));
        assertThat(f.outcome()).isEqualTo(Outcome.UNSAFE_ADDRESS);
        assertThat(site.requests).hasValue(0);
    }

    @Test
    void aNameThatDoesNotResolveIsAnUnknownHost() {
        HostResolver none = host -> {
            throw new UnknownHostException(host);
        };
        assertThat(fetcher(FetchProperties.defaults(), none).fetch(URI.create("https://no-such-agency.go.th/")).outcome())
                .isEqualTo(Outcome.UNKNOWN_HOST);
    }

    @Test
    void otherSchemesAreRefusedWithoutAConnection() {
        SafeFetcher fetcher = fetcher(trusting());
        for (String link : List.of("file:///etc/passwd", "ftp://" + site.hostPort() + "/", "jar:file:/x.jar!/a",
                "gopher://" + site.hostPort() + "/", "data:text/plain,hi", "mailto:a@b.go.th",
                "http://u:p@" + site.hostPort() + "/")) {
            assertThat(fetcher.fetch(URI.create(link)).outcome()).as(link).isEqualTo(Outcome.NOT_ALLOWED_SCHEME);
        }
        assertThat(site.requests).hasValue(0);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aFetcherWithAnAllowListSaysSoAsAWarningAndOneWithoutSaysNothing(
            org.springframework.boot.test.system.CapturedOutput output) {
        fetcher(FetchProperties.defaults());
        assertThat(output.getAll()).doesNotContain("allow-hosts");
        fetcher(trusting());
        assertThat(output.getAll()).contains("WARN").contains("openita.oit.fetch.allow-hosts is set")
                .contains(site.hostPort()).contains("for tests only");
    }

    @Test
    void settingsAreValidated() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FetchProperties.defaults().withAllowHosts(List.of("nohostport")))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FetchProperties.defaults().withPoliteness(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
