package org.openita.server.oit.internal.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A real local website for the fetcher's tests: counts requests, requests in flight and bytes written. */
final class TestSite implements AutoCloseable {

    final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    final AtomicLong bytesWritten = new AtomicLong();
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    TestSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String hostPort() {
        return "127.0.0.1:" + port();
    }

    URI url(String path) {
        return URI.create("http://" + hostPort() + path);
    }

    TestSite on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            arrivals.add(System.nanoTime());
            userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                // the fetcher hung up: expected for the limit tests
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        return this;
    }

    static HttpHandler page(String type, byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    static HttpHandler status(int code) {
        return exchange -> exchange.sendResponseHeaders(code, -1);
    }

    static HttpHandler redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    /** Writes {@code total} bytes in 64 KB pieces, with a Content-Length or chunked, counting what got out. */
    HttpHandler huge(long total, boolean declareLength) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, declareLength ? total : 0);
            byte[] piece = new byte[64 * 1024];
            java.util.Arrays.fill(piece, (byte) 'a');
            OutputStream out = exchange.getResponseBody();
            for (long sent = 0; sent < total; sent += piece.length) {
                out.write(piece);
                bytesWritten.addAndGet(piece.length);
            }
        };
    }

    /** One byte every {@code everyMillis}, for as long as the client listens (at most a minute). */
    static HttpHandler drip(long everyMillis) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 100_000);
            OutputStream out = exchange.getResponseBody();
            long until = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < until) {
                out.write('x');
                out.flush();
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
    }

    /** Holds each request for a while so that concurrent ones overlap. */
    static HttpHandler slow(long millis) {
        return exchange -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            page("text/plain", "ok".getBytes()).handle(exchange);
        };
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
