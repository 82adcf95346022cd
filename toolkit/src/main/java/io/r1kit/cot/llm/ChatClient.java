package io.r1kit.cot.llm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A minimal OpenAI-compatible chat-completions client: one system and one user message in, the
 * first choice's content out. Retries 429, 5xx and I/O errors with exponential back-off and keeps
 * to a request rate (requests are spaced at least {@code 60 s / requestsPerMinute} apart).
 */
public final class ChatClient {

    private final ChatConfig config;
    private final HttpClient http;
    private long nextSlotNanos = 0;
    private int attempts = 0;

    public ChatClient(ChatConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** HTTP requests sent so far, retries included. */
    public synchronized int attempts() {
        return attempts;
    }

    /** The reply to {@code system} + {@code user}. */
    public String complete(String system, String user) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("model", config.model());
        JsonArray messages = new JsonArray();
        messages.add(message("system", system));
        messages.add(message("user", user));
        body.add("messages", messages);
        URI uri = URI.create(config.baseUrl().toString().replaceAll("/+$", "") + "/chat/completions");
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        String key = System.getenv(config.apiKeyVariable());
        if (key != null && !key.isBlank()) {
            req.header("Authorization", "Bearer " + key);
        }
        Duration wait = config.initialBackoff();
        for (int attempt = 0; ; attempt++) {
            pace();
            String problem;
            try {
                HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200) {
                    return content(uri, res.body());
                }
                problem = "HTTP " + res.statusCode();
                if (res.statusCode() != 429 && res.statusCode() < 500) {
                    throw new IOException(uri + ": " + problem + ": " + abbreviate(res.body()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(uri + ": interrupted", e);
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(uri.toString())) {
                    throw e;
                }
                problem = e.getClass().getSimpleName();
            }
            if (attempt >= config.maxRetries()) {
                throw new IOException(uri + ": " + problem + " after " + (attempt + 1) + " attempts");
            }
            sleep(wait);
            wait = wait.multipliedBy(2); // exponential back-off
        }
    }

    private synchronized void pace() {
        attempts++;
        long now = System.nanoTime();
        long gap = 60_000_000_000L / config.requestsPerMinute();
        if (now < nextSlotNanos) {
            sleep(Duration.ofNanos(nextSlotNanos - now));
            now = nextSlotNanos;
        }
        nextSlotNanos = now + gap;
    }

    private static String content(URI uri, String body) throws IOException {
        try {
            return JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("choices").get(0).getAsJsonObject()
                    .getAsJsonObject("message").get("content").getAsString();
        } catch (RuntimeException e) {
            throw new IOException(uri + ": reply has no choices[0].message.content: " + abbreviate(body));
        }
    }

    private static JsonObject message(String role, String content) {
        JsonObject m = new JsonObject();
        m.addProperty("role", role);
        m.addProperty("content", content);
        return m;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }
}
