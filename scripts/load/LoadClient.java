import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load harness's own HTTP client (scripts/load/run.sh), run as a single source file: {@code java LoadClient.java MODE ...}.
 * Loopback addresses only; every mode is bounded in count and in time and stops by itself.
 * <ul>
 *   <li>{@code prepare BASE PATH OUTDIR [name=value...]}: opens the form at PATH once, as a browser would, and writes the
 *       body of a complete submission (every hidden field, the first option of every question, the extra fields) to
 *       OUTDIR/body.txt and the cookies it was given to OUTDIR/cookie.txt.</li>
 *   <li>{@code submit BASE PATH OUTDIR THREADS MAX SECONDS}: posts that body from THREADS clients until MAX posts or
 *       SECONDS have passed (or the server refused connections for 3 s in a row); counts acknowledged answers (303),
 *       503s with and without Retry-After, other statuses, refused connections (nothing sent) and failures after sending
 *       (outcome unknown: in flight); writes the running count of 303s to OUTDIR/acked and a per-second timeline.</li>
 *   <li>{@code aborted BASE PATH OUTDIR COUNT THREADS EXPECT}: COUNT clients each send the headers of a POST announcing
 *       Content-Length 10000, a third of the body, and close; after every 1,000 a complete submission must get EXPECT.</li>
 * </ul>
 */
public class LoadClient {

    static final int EXPECT = Integer.parseInt(System.getenv().getOrDefault("EXPECT", "303"));
    static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    static final Pattern ATTR = Pattern.compile("\\b(name|value|type)=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) throws Exception {
        String base = args[1];
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        switch (args[0]) {
            case "prepare" -> prepare(base, args[2], Path.of(args[3]), List.of(args).subList(4, args.length));
            case "submit" -> submit(base, args[2], Path.of(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[5]), Integer.parseInt(args[6]));
            case "aborted" -> aborted(base, args[2], Path.of(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void prepare(String base, String path, Path out, List<String> extra) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + page.statusCode() + "\n" + page.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(page.body());
        while (input.find()) {
            Map<String, String> a = new LinkedHashMap<>();
            Matcher attr = ATTR.matcher(input.group());
            while (attr.find()) {
                a.put(attr.group(1).toLowerCase(), unescape(attr.group(2)));
            }
            String type = a.getOrDefault("type", "text").toLowerCase();
            String name = a.get("name");
            if (name == null || a.get("value") == null) {
                continue;
            }
            if (type.equals("hidden") || (type.equals("radio") && name.startsWith("q.") && !fields.containsKey(name))) {
                fields.put(name, a.get("value"));
            }
        }
        for (String e : extra) {
            int eq = e.indexOf('=');
            fields.put(e.substring(0, eq), e.substring(eq + 1));
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        StringBuilder cookie = new StringBuilder();
        for (HttpCookie c : cookies.getCookieStore().getCookies()) {
            cookie.append(cookie.isEmpty() ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("body.txt"), body);
        Files.writeString(out.resolve("cookie.txt"), cookie);
        System.out.println("fields=" + fields.keySet());
        System.out.println("cookie=" + cookie.toString().replaceAll("=[^;]*", "=..."));
    }

    static void submit(String base, String path, Path out, int threads, long max, int seconds) throws Exception {
        String body = Files.readString(out.resolve("body.txt"));
        String cookie = Files.readString(out.resolve("cookie.txt"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(4)).build();
        AtomicLong started = new AtomicLong();
        LongAdder acked = new LongAdder(), retryAfter = new LongAdder(), noRetryAfter = new LongAdder(), refused = new LongAdder(), unknown = new LongAdder();
        Map<Integer, LongAdder> other = new ConcurrentHashMap<>();
        ConcurrentSkipListMap<Long, long[]> timeline = new ConcurrentSkipListMap<>(); // second -> [303, 503, other, errors]
        AtomicLong lastSuccess = new AtomicLong(System.nanoTime());
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end && started.incrementAndGet() <= max) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    int slot;
                    try {
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        lastSuccess.set(System.nanoTime());
                        if (r.statusCode() == EXPECT) {
                            acked.increment();
                            slot = 0;
                        } else if (r.statusCode() == 503) {
                            (r.headers().firstValue("Retry-After").isPresent() ? retryAfter : noRetryAfter).increment();
                            slot = 1;
                        } else {
                            other.computeIfAbsent(r.statusCode(), s -> new LongAdder()).increment();
                            slot = 2;
                        }
                    } catch (ConnectException e) {
                        refused.increment();
                        slot = 3;
                        if (System.nanoTime() - lastSuccess.get() > TimeUnit.SECONDS.toNanos(3)) {
                            break; // the server is gone: stop
                        }
                        sleep(20);
                    } catch (IOException e) {
                        unknown.increment(); // sent, no answer: committed or not, nobody was told it was
                        slot = 3;
                    } catch (InterruptedException e) {
                        return;
                    }
                    final int s = slot;
                    long second = System.currentTimeMillis() / 1000; // when the answer (or failure) came
                    timeline.computeIfAbsent(second, k -> new long[4]);
                    synchronized (timeline) {
                        timeline.get(second)[s]++;
                    }
                }
            });
        }
        pool.shutdown();
        Thread progress = new Thread(() -> {
            while (!pool.isTerminated()) {
                try {
                    Files.writeString(out.resolve("acked.tmp"), Long.toString(acked.sum()));
                    Files.move(out.resolve("acked.tmp"), out.resolve("acked"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        });
        progress.setDaemon(true);
        progress.start();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        pool.shutdownNow();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        StringBuilder lines = new StringBuilder("time expected 503 other errors\n");
        java.time.format.DateTimeFormatter hms = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());
        timeline.forEach((s, c) -> lines.append(hms.format(java.time.Instant.ofEpochSecond(s))).append(' ').append(c[0]).append(' ').append(c[1]).append(' ').append(c[2]).append(' ').append(c[3]).append('\n'));
        Files.writeString(out.resolve("timeline.txt"), lines);
        Map<Integer, Long> others = new java.util.TreeMap<>();
        other.forEach((k, v) -> others.put(k, v.sum()));
        String summary = String.format("acked=%d unavailable_retry_after=%d unavailable_without_retry_after=%d other=%s refused=%d in_flight_unknown=%d seconds=%.1f",
                acked.sum(), retryAfter.sum(), noRetryAfter.sum(), others, refused.sum(), unknown.sum(), elapsed);
        Files.writeString(out.resolve("summary.txt"), summary + "\n");
        System.out.println(summary);
        System.exit(0);
    }

    static void aborted(String base, String path, Path out, int count, int threads, int expect) throws Exception {
        String body = Files.readString(out.resolve("body.txt"));
        String cookie = Files.readString(out.resolve("cookie.txt"));
        URI uri = URI.create(base);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n"
                + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n";
        String content = (body + "&pad=" + "x".repeat(10000)).substring(0, 10000); // what the headers announce
        byte[] partial = (head + content.substring(0, 3333)).getBytes(StandardCharsets.UTF_8); // a third of it, then close
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        LongAdder aborted = new LongAdder(), failed = new LongAdder();
        List<String> checks = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int batch = 0; batch < count / 1000; batch++) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int i = 0; i < 1000; i++) {
                pool.submit(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
                        OutputStream o = s.getOutputStream();
                        o.write(partial);
                        o.flush();
                        aborted.increment();
                    } catch (IOException e) {
                        failed.increment();
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a batch of aborted uploads took over 2 minutes");
            }
            long s = System.nanoTime();
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            checks.add(r.statusCode() + "/" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s) + "ms");
        }
        boolean allGood = checks.stream().allMatch(c -> c.startsWith(expect + "/"));
        String summary = String.format("aborted=%d connect_failures=%d checks=%s all_checks_%d=%s seconds=%.1f", aborted.sum(), failed.sum(),
                checks, expect, allGood, (System.nanoTime() - t0) / 1e9);
        Files.writeString(out.resolve("aborted-summary.txt"), summary + "\n");
        System.out.println(summary);
        System.exit(allGood ? 0 : 1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
