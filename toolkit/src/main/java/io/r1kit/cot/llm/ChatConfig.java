package io.r1kit.cot.llm;

import io.r1kit.Excerpt;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to call a chat-completions endpoint. The key is never stored here: it is read from
 * the environment variable {@code apiKeyVariable} when a request is made (unset = no key sent). The endpoint
 * must be {@code https://}, or {@code http://} to this machine's loopback only, and carry no credentials.
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
        checkEndpoint(baseUrl);
        if (maxRetries < 0 || requestsPerMinute < 1) {
            throw new IllegalArgumentException("maxRetries must be >= 0 and requestsPerMinute >= 1, got " + maxRetries
                    + " and " + requestsPerMinute);
        }
    }

    /**
     * Refuses an endpoint that would expose the key: plain {@code http://} to any host but this machine's
     * loopback, and credentials written into the URL (the key belongs in the environment variable).
     */
    private static void checkEndpoint(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the endpoint " + redacted(url) + " carries credentials in its URL;"
                    + " give the key through the environment variable instead");
        }
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("the endpoint " + redacted(url) + " is not an https:// URL");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("the endpoint " + redacted(url) + " is plain http:// to another machine,"
                    + " which would send the API key unencrypted; use https:// (http:// is for localhost only)");
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** {@code url} as messages print it: scheme, host, port and path, never user information or a query. */
    static String redacted(URI url) {
        String host = url.getHost() == null ? "" : url.getHost();
        return Excerpt.of((url.getScheme() == null ? "" : url.getScheme() + "://") + host
                + (url.getPort() >= 0 ? ":" + url.getPort() : "") + (url.getRawPath() == null ? "" : url.getRawPath()), 120);
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
