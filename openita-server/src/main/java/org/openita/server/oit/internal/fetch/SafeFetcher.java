package org.openita.server.oit.internal.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.util.Timeout;
import org.openita.server.oit.internal.fetch.Fetched.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link LinkFetcher} on Apache HttpClient 5 (ADR 0036). Each hop's link is checked first (http or https, a host, no
 * user name, no unusual address spelling: {@link HopTarget}); the addresses are checked where HttpClient resolves them
 * ({@link GuardedDnsResolver}), so what is checked is what is connected to; redirects are followed here, one checked
 * hop at a time; the body is read as a stream up to the size limit; a watchdog cancels the exchange when the total
 * time is up; {@link HostGate} keeps the process polite to each host.
 */
@Component
public class SafeFetcher implements LinkFetcher, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SafeFetcher.class);
    static final String ACCEPT = "text/html,application/xhtml+xml,application/pdf,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/plain;q=0.9,*/*;q=0.5";

    private final FetchProperties settings;
    private final CloseableHttpClient client;
    private final HostGate gate;
    private final ScheduledExecutorService watchdog;

    @Autowired
    public SafeFetcher(FetchProperties settings, ObjectProvider<HostResolver> resolver) {
        this(settings, resolver.getIfAvailable(() -> HostResolver.SYSTEM));
    }

    public SafeFetcher(FetchProperties settings, HostResolver resolver) {
        this.settings = settings;
        this.gate = new HostGate(settings.perHostRequests(), settings.perHostDelay());
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("oit-fetch-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
        HttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(resolver))
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom()
                                .setMaxLineLength(settings.maxHeaderLine())
                                .setMaxHeaderCount(settings.maxHeaderCount())
                                .build())
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(settings.perHostRequests())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .setUserAgent(settings.userAgent())
                .build();
        if (!settings.allowHosts().isEmpty()) {
            log.warn("openita.oit.fetch.allow-hosts is set: the link fetcher trusts {} without checking their "
                    + "addresses. This setting is for tests only; remove it from any real deployment.", settings.allowHosts());
        }
    }

    @Override
    public Fetched fetch(URI link) {
        long started = System.nanoTime();
        try {
            return follow(link, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done(link, null, Outcome.TIMEOUT, 0, null, new byte[0], "interrupted", started);
        } catch (RuntimeException e) {
            log.warn("Fetching {} failed unexpectedly", link, e);
            return done(link, null, Outcome.UNREACHABLE, 0, null, new byte[0], e.getClass().getSimpleName(), started);
        }
    }

    private Fetched follow(URI link, long started) throws InterruptedException {
        URI current = link;
        Set<String> visited = new HashSet<>();
        BasicCookieStore cookies = new BasicCookieStore();
        long budget = settings.totalTimeout().toNanos();
        long used = 0;
        for (int hop = 0; ; hop++) {
            HopTarget target = HopTarget.of(current, settings.allowHosts());
            if (target.refusal() != null) {
                String detail = (hop == 0 ? "" : "redirect " + hop + " to " + current + ": ") + target.refusal();
                return done(link, null, target.outcome(), 0, null, new byte[0], detail, started);
            }
            if (!visited.add(target.key())) {
                return done(link, null, Outcome.TOO_MANY_REDIRECTS, 0, null, new byte[0], "redirect loop at " + current, started);
            }
            if (hop > settings.maxRedirects()) {
                return done(link, null, Outcome.TOO_MANY_REDIRECTS, 0, null, new byte[0],
                        "more than " + settings.maxRedirects() + " redirects", started);
            }
            try (HostGate.Pass pass = gate.enter(target.host(), settings.totalTimeout())) {
                if (pass == null) {
                    return done(link, null, Outcome.TIMEOUT, 0, null, new byte[0], "host busy: " + target.host(), started);
                }
                long hopStarted = System.nanoTime();
                long remaining = budget - used;
                if (remaining <= 0) {
                    return done(link, null, Outcome.TIMEOUT, 0, null, new byte[0], "total time limit reached", started);
                }
                Exchange answer = exchange(target, current, remaining, cookies);
                used += System.nanoTime() - hopStarted;
                if (answer.redirect() == null) {
                    Fetched f = answer.fetched();
                    return done(link, f.outcome() == Outcome.OK || f.outcome() == Outcome.HTTP_ERROR
                                    || f.outcome() == Outcome.TOO_LARGE ? current : null,
                            f.outcome(), f.status(), f.contentType(), f.body(),
                            (hop == 0 || f.detail() == null ? "" : "after " + hop + " redirects: ") + nullToEmpty(f.detail()),
                            started);
                }
                current = answer.redirect();
            }
        }
    }

    private record Exchange(Fetched fetched, URI redirect) {
        static Exchange of(Outcome outcome, int status, String type, byte[] body, String detail) {
            return new Exchange(new Fetched(null, null, outcome, status, type, body, detail, Duration.ZERO), null);
        }
    }

    private Exchange exchange(HopTarget target, URI current, long remainingNanos, BasicCookieStore cookies) {
        HttpGet get = new HttpGet(target.pathAndQuery());
        get.setHeader("Accept", ACCEPT);
        get.setHeader("Accept-Language", "th,en;q=0.8");
        HttpClientContext context = HttpClientContext.create();
        context.setCookieStore(cookies);
        long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos));
        context.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(Math.min(remainingMillis, settings.readTimeout().toMillis())))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(remainingMillis))
                .build());
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            expired.set(true);
            get.cancel();
        }, remainingMillis, TimeUnit.MILLISECONDS);
        GuardedDnsResolver.trustCurrentHop(target.trusted());
        boolean complete = false;
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(new HttpHost(target.scheme(), target.host(), target.port()), get, context);
            int status = response.getCode();
            String type = mediaType(response.getFirstHeader("Content-Type"));
            Header location = response.getFirstHeader("Location");
            if (status >= 300 && status < 400 && location != null && isRedirect(status)) {
                try {
                    URI next = current.resolve(new URI(location.getValue().trim()));
                    return new Exchange(null, next);
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return Exchange.of(Outcome.HTTP_ERROR, status, type, new byte[0],
                            "redirect to an address that cannot be read: " + location.getValue());
                }
            }
            if (status < 200 || status >= 300) {
                return Exchange.of(Outcome.HTTP_ERROR, status, type, new byte[0], "HTTP " + status);
            }
            HttpEntity entity = response.getEntity();
            long max = settings.maxBody().toBytes();
            if (entity == null) {
                complete = true;
                return Exchange.of(Outcome.OK, status, type, new byte[0], null);
            }
            if (entity.getContentLength() > max) {
                return Exchange.of(Outcome.TOO_LARGE, status, type, new byte[0],
                        "Content-Length " + entity.getContentLength() + " is over the limit of " + max + " bytes");
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(
                    (int) Math.min(max, entity.getContentLength() > 0 ? entity.getContentLength() : 64 * 1024));
            InputStream in = entity.getContent();
            {
                byte[] buffer = new byte[16 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > max) {
                        get.cancel(); // drop the connection: never drain the rest
                        return Exchange.of(Outcome.TOO_LARGE, status, type, new byte[0],
                                "body over the limit of " + max + " bytes");
                    }
                    body.write(buffer, 0, n);
                    if (expired.get()) {
                        break;
                    }
                }
                if (expired.get()) {
                    return Exchange.of(Outcome.TIMEOUT, status, type, new byte[0],
                            "total time limit of " + settings.totalTimeout().toMillis() + " ms reached while reading");
                }
                complete = true;
            }
            return Exchange.of(Outcome.OK, status, type, body.toByteArray(), null);
        } catch (UnsafeAddressException e) {
            return Exchange.of(Outcome.UNSAFE_ADDRESS, 0, null, new byte[0], e.getMessage());
        } catch (UnknownHostException e) {
            return Exchange.of(Outcome.UNKNOWN_HOST, 0, null, new byte[0], "unknown host " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (expired.get()) {
                return Exchange.of(Outcome.TIMEOUT, 0, null, new byte[0],
                        "total time limit of " + settings.totalTimeout().toMillis() + " ms reached");
            }
            if (e instanceof ConnectTimeoutException || e instanceof SocketTimeoutException) {
                return Exchange.of(Outcome.TIMEOUT, 0, null, new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return Exchange.of(Outcome.UNREACHABLE, 0, null, new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            alarm.cancel(false);
            GuardedDnsResolver.trustCurrentHop(false);
            if (!complete) {
                get.cancel(); // drops the connection: the rest of a body is never drained
            }
            closeQuietly(response);
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException | RuntimeException e) {
                log.debug("closing a cancelled response: {}", e.toString());
            }
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String mediaType(Header header) {
        if (header == null || header.getValue() == null) {
            return null;
        }
        String v = header.getValue();
        int semi = v.indexOf(';');
        String type = (semi >= 0 ? v.substring(0, semi) : v).trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Fetched done(URI link, URI finalUrl, Outcome outcome, int status, String type, byte[] body,
                                String detail, long started) {
        return new Fetched(link, finalUrl, outcome, status, type, body, detail == null || detail.isEmpty() ? null : detail,
                Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void destroy() throws IOException {
        watchdog.shutdownNow();
        client.close();
    }
}
