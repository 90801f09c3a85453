package org.openita.server.survey.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMS gateway reached by one HTTP POST per message, as most Thai providers offer: the URL, the header that carries
 * the credential, and a body template with the number and the text put in, all from configuration
 * ({@link PhoneCheckProperties.Gateway}). A 2xx answer within the timeout is a message accepted.
 */
final class HttpSmsGateway implements SmsSender {

    private final PhoneCheckProperties.Gateway gateway;
    private final HttpClient http;
    private final boolean json;

    HttpSmsGateway(PhoneCheckProperties.Gateway gateway) {
        if (gateway.url() == null || !gateway.url().isAbsolute()) {
            throw new IllegalStateException("openita.survey.phone-check.gateway.url must be set to the SMS gateway's address"
                    + " when the phone check is on with the http sender");
        }
        this.gateway = gateway;
        this.json = gateway.contentType().toLowerCase(Locale.ROOT).contains("json");
        this.http = HttpClient.newBuilder().connectTimeout(gateway.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(String to, String toLocal, String text) throws Failed {
        String body = gateway.bodyTemplate().replace("{to0}", escaped(toLocal)).replace("{to}", escaped(to))
                .replace("{text}", escaped(text));
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.url()).timeout(gateway.timeout())
                .header("Content-Type", gateway.contentType() + (json ? "" : "; charset=UTF-8"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (gateway.authValue() != null && !gateway.authValue().isBlank()) {
            request.header(gateway.authHeader(), gateway.authValue());
        }
        if (gateway.headers() != null) {
            gateway.headers().forEach(request::header);
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new Failed("the SMS gateway did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while sending an SMS", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Failed("the SMS gateway answered " + response.statusCode(), null);
        }
    }

    private String escaped(String value) {
        return json ? jsonString(value) : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The inside of a JSON string literal (Jackson's own escaping). */
    static String jsonString(String value) {
        return new String(tools.jackson.core.io.JsonStringEncoder.getInstance().quoteAsCharArray(value));
    }
}
