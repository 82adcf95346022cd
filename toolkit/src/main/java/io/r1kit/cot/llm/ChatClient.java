package io.r1kit.cot.llm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.Excerpt;

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
 * to a request rate (requests are spaced at least {@code 60 s / requestsPerMinute} apart). Errors name the
 * endpoint without credentials and quote the server's reply only redacted ({@link #redacted}).
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
        String where = ChatConfig.redacted(uri);
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
                    return content(where, res.body(), key);
                }
                problem = "HTTP " + res.statusCode();
                if (res.statusCode() != 429 && res.statusCode() < 500) {
                    throw new IOException(where + ": " + problem + ": " + redacted(res.body(), key));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(where + ": interrupted", e);
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                    throw e;
                }
                problem = e.getClass().getSimpleName();
            }
            if (attempt >= config.maxRetries()) {
                throw new IOException(where + ": " + problem + " after " + (attempt + 1) + " attempts");
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

    private static String content(String where, String body, String key) throws IOException {
        try {
            return JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("choices").get(0).getAsJsonObject()
                    .getAsJsonObject("message").get("content").getAsString();
        } catch (RuntimeException e) {
            throw new IOException(where + ": reply has no choices[0].message.content: " + redacted(body, key));
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

    /**
     * A server's reply as errors quote it: the key (which a server may echo) and anything shaped like a bearer
     * token masked, then a short printable excerpt.
     */
    static String redacted(String reply, String key) {
        String r = reply == null ? "" : reply;
        if (key != null && !key.isBlank()) {
            r = r.replace(key, "[key]");
        }
        r = r.replaceAll("(?i)(bearer\\s+)\\S+", "$1[redacted]").replaceAll("\\b(sk|pk|key)-[A-Za-z0-9_\\-]{8,}", "[redacted]");
        return Excerpt.words(r, 80);
    }
}
