package io.r1kit.cot.llm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat back end against a server on loopback that fails first and then answers. */
class ChatCotWriterTest {

    private HttpServer server;
    private final List<String> bodies = new ArrayList<>();

    private URI start(int... statuses) throws IOException {
        AtomicInteger call = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int i = call.getAndIncrement();
            int status = i < statuses.length ? statuses[i] : 200;
            String reply = status == 200 ? "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                    + "\"<think>Step 1: a</think><answer>b</answer>\"}}]}" : "{\"error\":\"busy\"}";
            byte[] b = reply.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void retriesAfter429And500ThenAnswers() throws Exception {
        ChatConfig c = ChatConfig.of(start(429, 500), "tiny").withRetries(3, Duration.ofMillis(20));
        ChatClient client = new ChatClient(c);
        long t0 = System.nanoTime();
        assertEquals("<think>Step 1: a</think><answer>b</answer>", client.complete("sys", "user"));
        assertEquals(3, client.attempts());
        assertTrue(System.nanoTime() - t0 >= 60_000_000L, "back-off waits 20 ms then 40 ms");
        JsonObject sent = JsonParser.parseString(bodies.get(2)).getAsJsonObject();
        assertEquals("tiny", sent.get("model").getAsString());
        assertEquals("user", sent.getAsJsonArray("messages").get(1).getAsJsonObject().get("content").getAsString());
    }

    @Test
    void givesUpWithTheLastProblem() throws Exception {
        ChatClient client = new ChatClient(ChatConfig.of(start(503, 503, 503), "tiny").withRetries(1, Duration.ofMillis(5)));
        IOException e = assertThrows(IOException.class, () -> client.complete("s", "u"));
        assertTrue(e.getMessage().endsWith("/chat/completions: HTTP 503 after 2 attempts"), e.getMessage());
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        ChatClient client = new ChatClient(ChatConfig.of(start(400), "tiny").withRetries(3, Duration.ofMillis(5)));
        IOException e = assertThrows(IOException.class, () -> client.complete("s", "u"));
        assertTrue(e.getMessage().contains("HTTP 400: {\"error\":\"busy\"}"), e.getMessage());
        assertEquals(1, client.attempts());
    }

    @Test
    void rateLimitSpacesRequests() throws Exception {
        ChatClient client = new ChatClient(ChatConfig.of(start(), "tiny").withRequestsPerMinute(600)); // 100 ms apart
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            client.complete("s", "u");
        }
        assertTrue(System.nanoTime() - t0 >= 200_000_000L, "three requests at 600/min take at least 200 ms");
    }
}
