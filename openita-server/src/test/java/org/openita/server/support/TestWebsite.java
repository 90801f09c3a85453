package org.openita.server.support;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * An agency's website for tests, on a local port: pages and files put at paths (changeable while it runs, as an
 * agency fixes its site), 404 for anything else. Reached as {@code localhost} (the agency's registered website) or as
 * {@code 127.0.0.1} (to stand for "another domain"): the same server under two host names.
 */
public final class TestWebsite implements AutoCloseable {

    record Resource(int status, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    private TestWebsite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Resource r = resources.get(exchange.getRequestURI().getPath());
            if (r == null) {
                r = new Resource(404, "text/html; charset=utf-8", "<html><head><title>ไม่พบหน้า</title></head><body>404</body></html>"
                        .getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Type", r.contentType());
            exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(r.body());
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public static TestWebsite start() throws IOException {
        return new TestWebsite();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The site as the agency registered it. */
    public String home() {
        return "http://localhost:" + port() + "/";
    }

    /** A path on the agency's own site. */
    public String url(String path) {
        return "http://localhost:" + port() + path;
    }

    /** The same path reached under another host name: "a link on another domain". */
    public String elsewhere(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The host:port entries a fetcher's test allow-list needs for this site. */
    public String allowList() {
        return "localhost:" + port() + ",127.0.0.1:" + port();
    }

    public long requests() {
        return requests.get();
    }

    public TestWebsite html(String path, String title, String body) {
        String page = "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>" + title
                + "</h1><p>" + body + "</p></body></html>";
        resources.put(path, new Resource(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** A Word document whose paragraphs are the given lines. */
    public TestWebsite docx(String path, String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            resources.put(path, new Resource(200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", out.toByteArray()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return this;
    }

    public TestWebsite remove(String path) {
        resources.remove(path);
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
