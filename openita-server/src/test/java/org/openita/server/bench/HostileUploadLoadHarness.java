package org.openita.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openita.server.OpenItaApplication;
import org.openita.server.support.ServerTestSupport;

/**
 * Load harness, not a test: run on demand with
 * {@code ./mvnw -q -pl openita-server verify -Dtest=HostileUploadLoadHarness -Dsurefire.failIfNoSpecifiedTests=false -Dopenita.bench=true}.
 * Starts the server as its own process with a 512 MB heap (demo mode, embedded PostgreSQL in a fresh folder),
 * then sends bursts of worst-case uploads through the API from two people at once (the demo agency
 * administrator and the central administrator, five each, in parallel) while a third client asks for the
 * health check and the home page every 100 ms. Prints, per burst, every upload's answer, the health check's
 * and home page's latencies (before and during), and the server's heap in use sampled with jstat.
 * Figures go to docs/benchmarks.md.
 */
class HostileUploadLoadHarness {

    static final String PASSWORD = "demo-password-2568";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("data-testid=\"token-value\">(oita_[^<]+)<");

    @Test
    void burstsOfWorstCaseUploadsAgainstA512MbHeap() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("openita.bench"), "load harness: run with -Dopenita.bench=true");
        Path work = ServerTestSupport.freshDirectory("openita-hostile-");
        Map<String, Path> files = new TreeMap<>();
        files.put("1 shared-strings bomb (xlsx)", sharedStringsBomb(work.resolve("bomb.xlsx")));
        files.put("2 one 49 MB line (csv)", oneLongLine(work.resolve("line.csv")));
        files.put("3 49,000 rows of unknown agencies (csv)", unknownRows(work.resolve("rows.csv")));
        files.forEach((name, f) -> System.out.printf("file %s: %.1f MB%n", name, size(f) / 1048576.0));

        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), OpenItaApplication.class.getName(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile());
        pb.environment().put("OPENITA_HOME", work.resolve("home").toString());
        pb.environment().put("OPENITA_DEMO", "true");
        pb.environment().remove("OPENITA_DB_URL");
        Process server = pb.start();
        System.out.println("server log: " + work.resolve("server.log"));
        try {
            String base = "http://localhost:" + port;
            awaitHealthy(base);
            String agencyAdmin = token(base, "demo-agency-admin");
            String central = token(base, "demo-central");
            Latency before = probe(base, Duration.ofSeconds(5));
            System.out.printf("idle: health p50 %d ms, p99 %d ms, max %d ms; home p50 %d ms, max %d ms%n",
                    before.p(0.5, "health"), before.p(0.99, "health"), before.max("health"), before.p(0.5, "home"), before.max("home"));
            for (Map.Entry<String, Path> file : files.entrySet()) {
                burst(base, server.pid(), file.getKey(), file.getValue(), agencyAdmin, central);
            }
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private void burst(String base, long pid, String name, Path file, String agencyAdmin, String central) throws Exception {
        HeapSampler heap = new HeapSampler(pid);
        AtomicBoolean running = new AtomicBoolean(true);
        Latency during = new Latency();
        CompletableFuture<Void> prober = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                during.sample(base);
            }
        });
        long started = System.nanoTime();
        List<CompletableFuture<String>> uploads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            uploads.add(CompletableFuture.supplyAsync(() -> upload(base, agencyAdmin, "/api/v1/agencies/DEMO-SAMDET/results", file)));
            uploads.add(CompletableFuture.supplyAsync(() -> upload(base, central, "/api/v1/results", file)));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<String> u : uploads) {
            answers.add(u.get(10, TimeUnit.MINUTES));
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        running.set(false);
        prober.get();
        heap.stop();
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach(a -> counts.merge(a, 1, Integer::sum));
        System.out.printf("%s: 10 uploads answered in %d ms: %s%n", name, ms, counts);
        System.out.printf("  during: health %d answers (%d failed), p50 %d ms, p99 %d ms, max %d ms; home p50 %d ms, p99 %d ms, max %d ms%n",
                during.count("health"), during.failures.get(), during.p(0.5, "health"), during.p(0.99, "health"), during.max("health"),
                during.p(0.5, "home"), during.p(0.99, "home"), during.max("home"));
        System.out.printf("  server heap in use: peak %d MB (of 512 MB)%n", heap.peakMb());
        assertThat(answers).allMatch(a -> !a.startsWith("5") || a.startsWith("503"), "no 5xx other than 503 busy");
        assertThat(during.failures.get()).isZero();
    }

    private static String upload(String base, String token, String path, Path file) {
        String type = file.toString().endsWith(".xlsx") ? org.openita.server.web.MediaTypes.XLSX : "text/csv";
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher code = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(r.body());
            return r.statusCode() + (code.find() ? " " + code.group(1) : "");
        } catch (Exception e) {
            return "no answer: " + e;
        }
    }

    /** Latencies of the health check and the home page, asked one after the other every 100 ms. */
    static final class Latency {
        final Map<String, List<Long>> ms = new ConcurrentHashMap<>();
        final AtomicLong failures = new AtomicLong();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        void sample(String base) {
            ask(base + "/actuator/health", "health");
            ask(base + "/", "home");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void ask(String url, String what) {
            long t = System.nanoTime();
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    failures.incrementAndGet();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
            }
            ms.computeIfAbsent(what, k -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - t) / 1_000_000);
        }

        int count(String what) {
            return ms.getOrDefault(what, List.of()).size();
        }

        long p(double q, String what) {
            List<Long> sorted = new ArrayList<>(ms.getOrDefault(what, List.of(0L)));
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }

        long max(String what) {
            return ms.getOrDefault(what, List.of(0L)).stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    private static Latency probe(String base, Duration time) {
        Latency l = new Latency();
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < end) {
            l.sample(base);
        }
        return l;
    }

    /** The server's heap in use (survivor, eden and old generation), from jstat every 250 ms. */
    static final class HeapSampler {
        private final Process jstat;
        private final AtomicLong peakKb = new AtomicLong();
        private final Thread reader;

        HeapSampler(long pid) throws Exception {
            jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc", Long.toString(pid), "250")
                    .redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                    String[] header = null;
                    for (String line; (line = in.readLine()) != null; ) {
                        String[] f = line.trim().split("\\s+");
                        if (f[0].equals("S0C")) {
                            header = f;
                            continue;
                        }
                        if (header == null) {
                            continue;
                        }
                        double used = 0;
                        for (int i = 0; i < header.length && i < f.length; i++) {
                            if (List.of("S0U", "S1U", "EU", "OU").contains(header[i])) {
                                used += Double.parseDouble(f[i]);
                            }
                        }
                        peakKb.accumulateAndGet((long) used, Math::max);
                    }
                } catch (Exception ignored) {
                    // jstat ended
                }
            });
            reader.start();
        }

        void stop() throws InterruptedException {
            jstat.destroy();
            reader.join(5000);
        }

        long peakMb() {
            return peakKb.get() / 1024;
        }
    }

    private static void awaitHealthy(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not start");
    }

    /** Signs in as a demo account and creates an API token on the tokens page. */
    private static String token(String base, String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).isTrue();
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/account/tokens")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher c2 = CSRF.matcher(page);
        assertThat(c2.find()).as("signed in as " + user).isTrue();
        String created = browser.send(HttpRequest.newBuilder(URI.create(base + "/account/tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("label=hostile&_csrf=" + URLEncoder.encode(c2.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher t = TOKEN.matcher(created);
        assertThat(t.find()).as("token for " + user).isTrue();
        return t.group(1);
    }

    /**
     * A workbook like the one in the report: a valid first sheet, and shared strings that expand to about 2 GB
     * from about 28 MB (each string a random number and a repeated phrase, so that it deflates about 70:1,
     * under POI's own zip-bomb ratio).
     */
    static Path sharedStringsBomb(Path file) throws Exception {
        Random random = new Random(2568);
        String phrase = "องค์การบริหารส่วนตำบลตัวอย่าง ".repeat(10);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + "</Types>");
            part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            part(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            OutputStream out = zip;
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    .getBytes(StandardCharsets.UTF_8));
            long written = 0;
            StringBuilder chunk = new StringBuilder();
            while (written < 2L * 1024 * 1024 * 1024) {
                chunk.setLength(0);
                for (int i = 0; i < 1000; i++) {
                    chunk.append("<si><t>").append(random.nextInt(100_000_000)).append(' ').append(phrase).append("</t></si>");
                }
                byte[] b = chunk.toString().getBytes(StandardCharsets.UTF_8);
                out.write(b);
                written += b.length;
            }
            out.write("</sst>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            System.out.printf("shared strings: %.0f MB expanded%n", written / 1048576.0);
        }
        return file;
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static Path oneLongLine(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("รหัสหน่วยงาน,".getBytes(StandardCharsets.UTF_8));
            byte[] x = new byte[1024 * 1024];
            java.util.Arrays.fill(x, (byte) 'x');
            for (int i = 0; i < 49; i++) {
                out.write(x);
            }
        }
        return file;
    }

    static Path unknownRows(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 2,ตัวชี้วัดที่ 3\n".getBytes(StandardCharsets.UTF_8));
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 49_000; i++) {
                rows.append("NOPE-").append(i).append(",2568,88.5,90,91,92\n");
            }
            out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
