package org.openita.server.survey.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS gateway on 127.0.0.1 for the tests (a boundary we do not own): it keeps every message POSTed to it, and
 * answers as it is told to (accept, refuse with 500, or answer too late).
 */
final class FakeSmsGateway implements AutoCloseable {

    enum Mode { ACCEPT, FAIL, SLOW }

    /** One message as the gateway received it. */
    record Message(String to, String text, String authorization, String contentType) {
        String code() {
            Matcher m = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])").matcher(text);
            if (!m.find()) {
                throw new AssertionError("no 6-digit code in the SMS: " + text);
            }
            return m.group(1);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Message> received = new ConcurrentLinkedDeque<>();
    private volatile Mode mode = Mode.ACCEPT;

    FakeSmsGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode now = mode;
            if (now == Mode.SLOW) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (now == Mode.ACCEPT) {
                JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                received.add(new Message(json.get("to").asString(), json.get("text").asString(),
                        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            byte[] answer = (now == Mode.FAIL ? "{\"error\":\"down\"}" : "{\"status\":\"queued\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(now == Mode.FAIL ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** The latest message sent to {@code to} (66XXXXXXXXX). */
    Message last(String to) {
        return received.stream().filter(m -> m.to().equals(to)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no SMS was sent to " + to));
    }

    long count(String to) {
        return received.stream().filter(m -> m.to().equals(to)).count();
    }

    List<Message> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
