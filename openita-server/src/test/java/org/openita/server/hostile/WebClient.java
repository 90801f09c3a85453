package org.openita.server.hostile;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser over real HTTP: signs in through the sign-in form, keeps the session cookie, and sends forms with the
 * session's CSRF token, as a person's browser does; or an API client with a bearer token. Redirects are not followed.
 */
final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** An answer: status, content type, body as text and the Location header. */
    record Answer(int status, String type, String body, String location) {
    }

    private final String base;
    private final String username;
    private final String password;
    private HttpClient http;
    private String csrf;
    private int signIns;

    WebClient(int port, String username, String password) {
        this.base = "http://localhost:" + port;
        this.username = username;
        this.password = password;
    }

    /** Signs in afresh (a new cookie jar) and reads a CSRF token from a page of the session. */
    void signIn() throws Exception {
        signIns++;
        csrf = null;
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String token = token(get("/login").body());
        Answer a = send("POST", "/login", "application/x-www-form-urlencoded",
                form("username", username, "password", password, "_csrf", token).getBytes(StandardCharsets.UTF_8), null);
        if (a.status() != 302 || a.location() == null || a.location().contains("error") || a.location().contains("/login")) {
            throw new IllegalStateException("could not sign in as " + username + ": " + a.status() + " " + a.location());
        }
        csrf = token(get("/account/tokens").body());
    }

    int signIns() {
        return signIns;
    }

    String csrf() {
        return csrf;
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return Leaks.unescape(m.group(1));
    }

    static String form(String... pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            s.append(i == 0 ? "" : "&").append(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    Answer get(String path) throws Exception {
        return send("GET", path, null, null, null);
    }

    /**
     * Sends a request; {@code path} is sent as it is (already encoded, so that it can hold what a URI builder would
     * refuse).
     */
    Answer send(String method, String path, String contentType, byte[] body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        } else if (csrf != null && !method.equals("GET")) {
            b.header("X-CSRF-TOKEN", csrf); // the session's token, as a page's script or form sends it
        }
        b.header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        HttpResponse<byte[]> r = (http == null ? HttpClient.newHttpClient() : http).send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), new String(r.body(), StandardCharsets.UTF_8),
                r.headers().firstValue("Location").orElse(null));
    }
}
