package io.r1kit.cot.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to call a chat-completions endpoint. The key is never stored here: it is read from
 * the environment variable {@code apiKeyVariable} when a request is made (unset = no key sent).
 *
 * <pre>{@code
 * ChatConfig c = ChatConfig.of(URI.create("https://api.example.com/v1"), "my-model");  // key from R1KIT_CHAT_API_KEY
 * }</pre>
 *
 * @param baseUrl           endpoint root; {@code /chat/completions} is appended
 * @param model             model name sent in each request
 * @param apiKeyVariable    environment variable holding the bearer key
 * @param timeout           per-request timeout
 * @param maxRetries        retries after a 429, a 5xx or an I/O error
 * @param initialBackoff    wait before the first retry; doubled for each further one
 * @param requestsPerMinute most requests started per minute
 */
public record ChatConfig(URI baseUrl, String model, String apiKeyVariable, Duration timeout, int maxRetries,
                         Duration initialBackoff, int requestsPerMinute) {

    public ChatConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKeyVariable, "apiKeyVariable");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (maxRetries < 0 || requestsPerMinute < 1) {
            throw new IllegalArgumentException("maxRetries must be >= 0 and requestsPerMinute >= 1, got " + maxRetries
                    + " and " + requestsPerMinute);
        }
    }

    /** Defaults: key in {@code R1KIT_CHAT_API_KEY}, 60 s timeout, 4 retries from 1 s, 60 requests a minute. */
    public static ChatConfig of(URI baseUrl, String model) {
        return new ChatConfig(baseUrl, model, "R1KIT_CHAT_API_KEY", Duration.ofSeconds(60), 4, Duration.ofSeconds(1), 60);
    }

    public ChatConfig withRetries(int retries, Duration initial) {
        return new ChatConfig(baseUrl, model, apiKeyVariable, timeout, retries, initial, requestsPerMinute);
    }

    public ChatConfig withRequestsPerMinute(int n) {
        return new ChatConfig(baseUrl, model, apiKeyVariable, timeout, maxRetries, initialBackoff, n);
    }
}
