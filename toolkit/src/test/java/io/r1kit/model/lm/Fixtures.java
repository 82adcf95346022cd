package io.r1kit.model.lm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference checkpoints written by {@code src/test/python/make_qwen2_fixture.py}. */
final class Fixtures {

    private Fixtures() {}

    /** The directory of fixture {@code name} ({@code tiny-qwen2} or {@code tiny-qwen2-tied}). */
    static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/io/r1kit/model/lm/" + name + "/config.json").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String name) {
        try {
            return JsonParser.parseString(Files.readString(dir(name).resolve("fixture.json"))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long[] longs(JsonArray a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsLong();
        }
        return out;
    }

    static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    static float[][] matrix(JsonArray a) {
        float[][] out = new float[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = floats(a.get(i).getAsJsonArray());
        }
        return out;
    }
}
