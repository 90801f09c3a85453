package org.openita.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.support.ServerTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server processes on one PostgreSQL behave as one: both start together on the same schema, and a
 * person signed in on one is signed in on the other (sessions live in the database, not in memory). The
 * second server is a real separate JVM process.
 */
class TwoServersIT {

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(OpenItaApplication.class).run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
    }

    private static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    private static Process startProcess(String url, int port) throws java.io.IOException {
        return new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OpenItaApplication.class.getName(), "--server.port=" + port,
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void awaitHealthy(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the second server did not start on port " + port);
    }

    @Test
    void aSessionStartedOnOneServerIsValidOnTheOther() throws Exception {
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().setDataDirectory(ServerTestSupport.freshDirectory("openita-two-")).start()) {
            String url = db.getJdbcUrl("postgres", "postgres");
            // both start at the same time: migrations, shipped frameworks and the first administrator happen once
            int portB;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                portB = free.getLocalPort();
            }
            Process b = startProcess(url, portB);
            try (ConfigurableApplicationContext a = start(url)) {
                awaitHealthy(portB);
                assertThat(a.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("select count(*) from framework_definition").query(Long.class).single()).isEqualTo((long) org.openita.core.framework.FrameworkLoader.shippedYears().size());
                a.getBean(UserAccounts.class).create("test", "mover", "ผู้ย้ายเครื่อง", Role.AGENCY_STAFF, "moving-pass-1", false);
                assertThat(a.getBean(UserAccounts.class).count()).isEqualTo(2); // the first administrator, created once, and mover

                CookieManager cookies = new CookieManager();
                HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
                String loginPage = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
                assertThat(csrf.find()).isTrue();
                String form = "username=mover&password=moving-pass-1&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
                HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isEqualTo(302);
                assertThat(login.headers().firstValue("Location")).get().asString().doesNotContain("error");

                String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                        .findFirst().orElseThrow().getValue();
                HttpResponse<String> onB = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + portB + "/account/password")).header("Cookie", "SESSION=" + session).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(onB.statusCode()).isEqualTo(200);
                assertThat(onB.body()).contains("data-testid=\"current-user\">mover<");
            } finally {
                b.destroy();
                if (!b.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    b.destroyForcibly();
                }
            }
        }
    }
}
