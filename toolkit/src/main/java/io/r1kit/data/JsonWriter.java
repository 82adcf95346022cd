package io.r1kit.data;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a JSON list file the way the releases do: one array, UTF-8, no HTML escaping. */
final class JsonWriter {

    private JsonWriter() {}

    static void write(Path file, JsonArray list) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new GsonBuilder().disableHtmlEscaping().create().toJson(list, w);
            w.write('\n');
        }
    }

    static JsonArray strings(List<String> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }
}
