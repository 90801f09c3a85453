package org.openita.server.oit.internal.queue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import org.openita.server.oit.internal.fetch.Fetched;
import org.openita.server.oit.internal.fetch.LinkFetcher;

/**
 * STAND-IN, tests only, until the real fetcher (oit.internal.fetch) lands: a plain java.net.http fetch with none of
 * the real one's address checks. A proxy sends every host to the local test site (the harness's many host names).
 */
final class StandInFetcher implements LinkFetcher {

    private final HttpClient http;

    StandInFetcher(ProxySelector proxy) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1);
        http = (proxy == null ? b : b.proxy(proxy)).build();
    }

    @Override
    public Fetched fetch(URI link) {
        long t0 = System.nanoTime();
        if (link.getHost() == null || !(link.getScheme().equals("http") || link.getScheme().equals("https"))) {
            return new Fetched(link, null, Fetched.Outcome.NOT_ALLOWED_SCHEME, 0, null, new byte[0], "scheme", Duration.ZERO);
        }
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(link).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse(null);
            boolean ok = r.statusCode() / 100 == 2;
            return new Fetched(link, r.uri(), ok ? Fetched.Outcome.OK : Fetched.Outcome.HTTP_ERROR, r.statusCode(), type, r.body(),
                    "HTTP " + r.statusCode(), Duration.ofNanos(System.nanoTime() - t0));
        } catch (HttpTimeoutException e) {
            return failed(link, Fetched.Outcome.TIMEOUT, e, t0);
        } catch (ConnectException e) {
            return failed(link, Fetched.Outcome.UNREACHABLE, e, t0);
        } catch (IOException e) {
            return failed(link, e.getCause() instanceof UnknownHostException ? Fetched.Outcome.UNKNOWN_HOST : Fetched.Outcome.UNREACHABLE, e, t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(link, Fetched.Outcome.TIMEOUT, e, t0);
        }
    }

    private static Fetched failed(URI link, Fetched.Outcome outcome, Exception e, long t0) {
        return new Fetched(link, null, outcome, 0, null, new byte[0], e.toString(), Duration.ofNanos(System.nanoTime() - t0));
    }
}
