package org.openita.server.oit.internal.queue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small agency website on a local port, for the queue's tests and harness: Thai HTML pages of realistic size, a PDF,
 * a page that is not found, and a page that changes on every request. Counts the requests each path had.
 */
final class TestSite implements AutoCloseable {

    private final HttpServer server;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger changing = new AtomicInteger();

    TestSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "test-site");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::serve);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** An address of this site (host 127.0.0.1, or another name when a proxy or resolver sends it here). */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** A port on this machine where nothing listens (connection refused). */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        byte[] body;
        String type;
        int status = 200;
        if (path.startsWith("/missing")) {
            status = 404;
            type = "text/html; charset=utf-8";
            body = "<html><head><title>ไม่พบหน้า</title></head><body>404</body></html>".getBytes(StandardCharsets.UTF_8);
        } else if (path.endsWith(".pdf")) {
            type = "application/pdf";
            body = pdf(path);
        } else if (path.startsWith("/changing")) {
            type = "text/html; charset=utf-8";
            body = page("ฉบับที่ " + changing.incrementAndGet(), 2_000);
        } else {
            type = "text/html; charset=utf-8";
            body = path.startsWith("/same") ? page("same", 150_000) : page(path, sizeFor(path));
        }
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    /** Between about 100 and 300 KB, by the path. */
    static int sizeFor(String path) {
        return 100_000 + Math.floorMod(path.hashCode(), 200_000);
    }

    /** A Thai agency page with the item's key terms and a year, of about {@code bytes} bytes of UTF-8. */
    static byte[] page(String seed, int bytes) {
        StringBuilder b = new StringBuilder(bytes + 1_000);
        b.append("<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>โครงสร้างและอำนาจหน้าที่ ")
                .append(seed).append("</title></head><body><h1>โครงสร้าง หน้าที่และอำนาจ ปีงบประมาณ พ.ศ. 2570</h1>");
        String para = "<p>องค์การบริหารส่วนตำบลมีอำนาจหน้าที่ในการจัดทำบริการสาธารณะเพื่อประโยชน์ของประชาชนในท้องถิ่น"
                + " ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 และที่แก้ไขเพิ่มเติม ติดต่อสำนักปลัด โทรศัพท์ 0 2123 4567</p>\n";
        while (b.length() * 2.6 < bytes) {
            b.append(para);
        }
        b.append("<p>").append(seed).append("</p></body></html>");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A small, valid one-page PDF whose text names the path. */
    static byte[] pdf(String path) {
        String text = "BT /F1 12 Tf 72 720 Td (Annual plan 2570 " + path.replaceAll("[()\\\\]", "") + ") Tj ET";
        String[] objs = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder b = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objs.length];
        for (int i = 0; i < objs.length; i++) {
            offsets[i] = b.length();
            b.append(i + 1).append(" 0 obj\n").append(objs[i]).append("\nendobj\n");
        }
        int xref = b.length();
        b.append("xref\n0 ").append(objs.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            b.append(String.format("%010d 00000 n \n", o));
        }
        b.append("trailer\n<< /Size ").append(objs.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
