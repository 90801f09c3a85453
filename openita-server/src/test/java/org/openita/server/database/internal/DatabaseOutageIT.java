package org.openita.server.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openita.server.OpenItaApplication;
import org.openita.server.support.ServerTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL is stopped under a running server and started again (ADR 0025): meanwhile every kind of
 * request that needs the database (a public page, the sign-in form and its post, a signed-in page whose session lives
 * in the database, the API with a token, a complete survey answer) is answered 503 with {@code Retry-After: 5} within the configured connection
 * timeout, in Thai and English or as a problem detail; afterwards the same session and token work again without a
 * restart, and no connection is left in use, neither in the pool nor in PostgreSQL.
 */
class DatabaseOutageIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("data-testid=\"token-value\">(oita_[^<]+)<");
    private static final String PASSWORD = "demo-password-2568";
    private static final long CONNECTION_TIMEOUT_MS = 1500;

    @Test
    void whileTheDatabaseIsStoppedEveryRequestIs503WithRetryAfterAndTheServerRecoversByItself() throws Exception {
        Path home = ServerTestSupport.freshDirectory("openita-outage-");
        Path pgdata = home.resolve("pgdata");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenItaApplication.class).run(
                "--server.port=0", "--openita.demo.enabled=true",
                "--openita.embedded-db.data-directory=" + pgdata, "--openita.temp-directory=" + home.resolve("tmp"),
                "--spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MS)) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String token = signInAndCreateToken(browser, base);
            String api = "/api/v1/agencies/DEMO-SAMDET/results";
            assertThat(get(browser, base + "/account/tokens", null).statusCode()).isEqualTo(200);
            assertThat(get(HttpClient.newHttpClient(), base + api, token).statusCode()).isEqualTo(200);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            String survey = "/s/eit/" + openSurvey(jdbc);
            HttpClient respondent = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            // the survey window is cached for a few seconds (SurveyWindows.FRESH), and the demo data's start may have
            // looked it up before the phase above was written: wait for the open form
            String form = get(respondent, base + survey, null).body();
            for (long until = System.nanoTime() + 20_000_000_000L; !form.contains("name=\"t\"") && System.nanoTime() < until; ) {
                Thread.sleep(500);
                form = get(respondent, base + survey, null).body();
            }
            String answers = completeForm(form);

            pgCtl(pgdata, "stop", "-m", "fast", "-w", "-t", "60");

            assertUnavailablePage(respondent, post(respondent, base + survey, answers));

            HttpClient anonymous = HttpClient.newHttpClient();
            assertUnavailablePage(anonymous, get(anonymous, base + "/", null));
            assertUnavailablePage(anonymous, get(anonymous, base + "/login", null));
            assertUnavailablePage(browser, get(browser, base + "/account/tokens", null));
            assertUnavailablePage(browser, send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=demo-agency-admin&password=" + PASSWORD))));
            HttpResponse<String> problem = get(anonymous, base + api, token);
            assertThat(problem.statusCode()).isEqualTo(503);
            assertThat(problem.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(problem.body()).contains("\"code\":\"database-unavailable\"").contains("ฐานข้อมูล");

            pgCtl(pgdata, "start", "-w", "-t", "60");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int status;
            do {
                status = get(browser, base + "/account/tokens", null).statusCode();
            } while (status != 200 && System.nanoTime() < deadline);
            assertThat(status).as("the signed-in page once PostgreSQL is back, same session, no restart").isEqualTo(200);
            assertThat(get(anonymous, base + api, token).statusCode()).isEqualTo(200);
            assertThat(get(anonymous, base + "/", null).statusCode()).isEqualTo(200);
            HttpResponse<String> answered = post(respondent, base + survey, answers);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(303);
            assertThat(jdbc.sql("select count(*) from survey_response where agency_code = 'OUTAGE-1'").query(Long.class).single())
                    .as("only the answer acknowledged after the outage is stored").isEqualTo(1);

            HikariDataSource pool = app.getBean(HikariDataSource.class);
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pool.getHikariPoolMXBean().getActiveConnections() > 0 && System.nanoTime() < settle) {
                Thread.sleep(50);
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use after recovery").isZero();
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(pool.getMaximumPoolSize());
            long busy = jdbc.sql("select count(*) from pg_stat_activity where usename = 'openita' and pid <> pg_backend_pid()"
                    + " and state <> 'idle'").query(Long.class).single();
            long all = jdbc.sql("select count(*) from pg_stat_activity where usename = 'openita'").query(Long.class).single();
            assertThat(busy).as("server sessions of the application that are not idle").isZero();
            assertThat(all).as("server sessions of the application").isLessThanOrEqualTo(pool.getMaximumPoolSize());
        }
    }

    /** 503, Retry-After, the Thai and English texts, and soon: a request waits for the pool's timeout at most. */
    private static void assertUnavailablePage(HttpClient client, HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.uri() + "\n" + answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("ระบบไม่พร้อมให้บริการชั่วคราว").contains("The database cannot be reached")
                .doesNotContain("Exception").doesNotContain("SQL");
    }

    private static HttpResponse<String> get(HttpClient client, String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(client, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (answer.statusCode() == 503) {
            // the pool's timeout, plus a first request's page rendering on a busy 2-core machine
            assertThat(ms).as("time to answer " + answer.uri() + " while the database is down").isLessThan(CONNECTION_TIMEOUT_MS + 3000);
        }
        return answer;
    }

    private static String signInAndCreateToken(HttpClient browser, String base) throws Exception {
        Matcher csrf = CSRF.matcher(get(browser, base + "/login", null).body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo-agency-admin&password=" + PASSWORD + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        Matcher c2 = CSRF.matcher(get(browser, base + "/account/tokens", null).body());
        assertThat(c2.find()).isTrue();
        String created = send(browser, HttpRequest.newBuilder(URI.create(base + "/account/tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("label=outage&_csrf=" + URLEncoder.encode(c2.group(1), StandardCharsets.UTF_8)))).body();
        Matcher t = TOKEN.matcher(created);
        assertThat(t.find()).as(created).isTrue();
        return t.group(1);
    }

    /** An agency whose EIT survey is open today (the current fiscal year's SURVEY_COLLECTION phase); returns its code. */
    private static String openSurvey(JdbcClient jdbc) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Bangkok"));
        int year = (today.getMonthValue() >= 10 ? today.getYear() + 1 : today.getYear()) + 543;
        jdbc.sql("insert into agency (code, name_th, agency_type) values ('OUTAGE-1', 'หน่วยงานทดสอบฐานข้อมูลขัดข้อง', 'DEPARTMENT')").update();
        jdbc.sql("insert into assessment_cycle (fiscal_year) values (?) on conflict do nothing").param(year).update();
        jdbc.sql("insert into cycle_phase (fiscal_year, phase, starts_on, ends_on) values (?, 'SURVEY_COLLECTION', ?, ?)"
                + " on conflict (fiscal_year, phase) do update set starts_on = excluded.starts_on, ends_on = excluded.ends_on")
                .params(year, today.minusDays(1), today.plusDays(30)).update();
        return "OUTAGE-1";
    }

    /** The body of a complete answer: the form's hidden fields and the first option of every question. */
    private static String completeForm(String page) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        Matcher input = Pattern.compile("<input\\b[^>]*>").matcher(page);
        while (input.find()) {
            String tag = input.group();
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(tag);
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(tag);
            if (name.find() && value.find() && (tag.contains("type=\"hidden\"") || name.group(1).startsWith("q."))) {
                fields.putIfAbsent(name.group(1), value.group(1));
            }
        }
        assertThat(fields.keySet()).contains("t").anyMatch(k -> k.startsWith("q."));
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static HttpResponse<String> post(HttpClient client, String url, String form) throws Exception {
        return send(client, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** PostgreSQL's own pg_ctl on the running server's data folder, as OpenITA runs it (PostgresServer). */
    private static void pgCtl(Path pgdata, String... arguments) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-D", pgdata.toString()));
        args.addAll(List.of(arguments));
        Process p = new ProcessBuilder(PostgresBinaries.command("pg_ctl", args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(pgdata.resolveSibling("pg_ctl.log").toFile())).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("pg_ctl " + args).isZero();
    }
}
