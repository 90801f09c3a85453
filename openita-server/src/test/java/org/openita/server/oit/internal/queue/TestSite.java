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
        this(false);
    }

    /**
     * @param everyLoopbackAddress listen on the wildcard address, so that 127.0.0.1 ... 127.0.1.244 each reach this site
     *                             as a host of its own (the harness's many hosts); otherwise on 127.0.0.1 only
     */
    TestSite(boolean everyLoopbackAddress) {
        try {
            server = HttpServer.create(everyLoopbackAddress ? new InetSocketAddress(0)
                    : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
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

    private static final String[] WORDS = ("องค์การบริหารส่วนตำบล เทศบาล หน่วยงาน ประชาชน บริการ สาธารณะ งบประมาณ แผนงาน โครงการ"
            + " การจัดซื้อจัดจ้าง ประกาศ ผู้บริหาร นายก ปลัด สำนักงาน กองคลัง กองช่าง กองการศึกษา สาธารณสุข สิ่งแวดล้อม"
            + " ถนน ไฟฟ้า ประปา ขยะ ผู้สูงอายุ ผู้พิการ เด็ก เยาวชน ชุมชน หมู่บ้าน ตำบล อำเภอ จังหวัด รายงาน ผลการดำเนินงาน"
            + " ไตรมาส ประจำปี ติดต่อ โทรศัพท์ ร้องเรียน ทุจริต คุณธรรม ความโปร่งใส เปิดเผย ข้อมูล ข่าวสาร กิจกรรม ประชุม"
            + " สภา ข้อบัญญัติ ระเบียบ คำสั่ง มาตรการ ส่งเสริม พัฒนา บุคลากร อบรม ดำเนินการ เรียบร้อย แล้ว ของ และ ใน ที่ เพื่อ").split(" ");

    /**
     * A Thai agency page of about {@code bytes} bytes of UTF-8: a head, a menu, the item's key terms and a year, then
     * paragraphs and table rows of words drawn from a vocabulary by a generator seeded with {@code seed} (so the same
     * seed gives the same page, and pages compress about as real ones do rather than as one repeated sentence).
     */
    static byte[] page(String seed, int bytes) {
        java.util.Random r = new java.util.Random(seed.hashCode());
        StringBuilder b = new StringBuilder(bytes / 2);
        b.append("<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>โครงสร้างและอำนาจหน้าที่ ")
                .append(seed).append("</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><nav><ul>");
        for (int i = 0; i < 30; i++) {
            b.append("<li><a href=\"/menu/").append(i).append("\">").append(WORDS[r.nextInt(WORDS.length)]).append("</a></li>");
        }
        b.append("</ul></nav><h1>โครงสร้าง หน้าที่และอำนาจ ปีงบประมาณ พ.ศ. 2570</h1>");
        int n = 0;
        int size = utf8Length(b);
        while (size < bytes) {
            StringBuilder part = new StringBuilder(1_000);
            if (n++ % 4 == 3) {
                part.append("<table class=\"data\"><tr>");
                for (int c = 0; c < 4; c++) {
                    part.append("<td>").append(WORDS[r.nextInt(WORDS.length)]).append(' ').append(r.nextInt(100_000)).append("</td>");
                }
                part.append("</tr></table>\n");
            } else {
                part.append("<p>");
                for (int w = 0; w < 60; w++) {
                    part.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(4) == 0 ? " " : "");
                }
                part.append("</p>\n");
            }
            size += utf8Length(part);
            b.append(part);
        }
        b.append("<footer>ติดต่อ โทรศัพท์ 0 2123 4567 ").append(seed).append("</footer></body></html>");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int utf8Length(CharSequence b) {
        int thai = 0;
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) >= 0x0E00) {
                thai++;
            }
        }
        return b.length() + 2 * thai;
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
