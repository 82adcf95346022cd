package io.r1kit.cot.llm;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat back end keeps its key to itself: no plain http:// off this machine, no credentials or echoes in errors. */
class ChatEndpointTest {

    private static String refusal(String url) {
        return assertThrows(IllegalArgumentException.class, () -> ChatConfig.of(URI.create(url), "m")).getMessage();
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() {
        assertEquals("the endpoint http://api.example.com/v1 is plain http:// to another machine, which would send the"
                + " API key unencrypted; use https:// (http:// is for localhost only)", refusal("http://api.example.com/v1"));
        assertTrue(refusal("http://10.0.0.7:8000/v1").contains("plain http://"));
        assertTrue(refusal("ftp://example.com/v1").contains("is not an https:// URL"));
        for (String ok : new String[] {"https://api.example.com/v1", "http://localhost:8000/v1", "http://127.0.0.1:1234/v1",
                "http://[::1]:8080/v1"}) {
            assertDoesNotThrow(() -> ChatConfig.of(URI.create(ok), "m"), ok);
        }
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutBeingRepeated() {
        String m = refusal("https://alice:s3cret-pass@api.example.com/v1?token=t0ken");
        assertEquals("the endpoint https://api.example.com/v1 carries credentials in its URL; give the key through the"
                + " environment variable instead", m);
        assertFalse(m.contains("s3cret") || m.contains("t0ken"), m);
    }

    @Test
    void serverRepliesAreRedactedInErrors() {
        String reply = "{\"error\": \"invalid key sk-abcdefghijklmnop1234 (Bearer xyz.123)\",\n\u001b[2J \"echo\": \"MYKEY42\""
                + " \"pad\": \"" + "x".repeat(500) + "\"}";
        String r = ChatClient.redacted(reply, "MYKEY42");
        assertFalse(r.contains("sk-abcdefghijklmnop1234") || r.contains("xyz.123") || r.contains("MYKEY42"), r);
        assertFalse(r.contains("\n") || r.contains("\u001b"), r);
        assertTrue(r.length() <= 80 && r.contains("[redacted]"), r);
    }

    @Test
    void anErrorReplyIsQuotedShortAndOnOneLine() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            byte[] b = ("{\"error\":\n\"bad request\"," + "\"detail\": \"" + "y".repeat(10_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(400, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            ChatClient client = new ChatClient(ChatConfig.of(URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/v1/"), "m").withRetries(0, Duration.ofMillis(1)));
            String m = assertThrows(IOException.class, () -> client.complete("s", "u")).getMessage();
            assertTrue(m.startsWith("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/v1/chat/completions: HTTP 400: {\"error\": \"bad request\","), m);
            assertTrue(m.length() < 200 && !m.contains("\n"), m);
        } finally {
            server.stop(0);
        }
    }
}
