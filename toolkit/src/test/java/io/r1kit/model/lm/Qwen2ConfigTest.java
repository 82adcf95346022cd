package io.r1kit.model.lm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Qwen2ConfigTest {

    @TempDir
    Path dir;

    /** The head of Qwen2.5-0.5B-Instruct's config.json, as published. */
    private static final String QWEN25_05B = """
            {"architectures": ["Qwen2ForCausalLM"], "attention_dropout": 0.0, "bos_token_id": 151643,
             "eos_token_id": 151645, "hidden_act": "silu", "hidden_size": 896, "initializer_range": 0.02,
             "intermediate_size": 4864, "max_position_embeddings": 32768, "max_window_layers": 21,
             "model_type": "qwen2", "num_attention_heads": 14, "num_hidden_layers": 24,
             "num_key_value_heads": 2, "rms_norm_eps": 1e-06, "rope_theta": 1000000.0,
             "sliding_window": 32768, "tie_word_embeddings": true, "torch_dtype": "bfloat16",
             "transformers_version": "4.43.1", "use_cache": true, "use_sliding_window": false,
             "vocab_size": 151936}""";

    @Test
    void readsAHuggingFaceConfig() throws IOException {
        Files.writeString(dir.resolve("config.json"), QWEN25_05B);
        Qwen2Config c = Qwen2Config.read(dir);
        assertEquals(new Qwen2Config(151936, 896, 4864, 24, 14, 2, 1e-6, 1e6, 32768, true, 151643, 151645), c);
        assertEquals(64, c.headDim());
        assertEquals(7, c.groupSize());
    }

    @Test
    void roundTripsThroughJson() throws IOException {
        Qwen2Config c = Qwen2Config.builder().vocabSize(256).hiddenSize(64).intermediateSize(128).layers(2)
                .heads(4).kvHeads(2).ropeTheta(1e4).eosTokenId(3).build();
        Path file = dir.resolve("config.json");
        c.write(file);
        assertEquals(c, Qwen2Config.read(file));
        assertEquals(-1, c.bosTokenId());
    }

    @Test
    void absentKeyValueHeadsMeansOnePerQueryHead() {
        JsonObject o = JsonParser.parseString("{\"model_type\":\"qwen2\",\"hidden_size\":32,"
                + "\"num_attention_heads\":4}").getAsJsonObject();
        assertEquals(4, Qwen2Config.fromJson(o).numKeyValueHeads());
    }

    @Test
    void explainsWhatToFix() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Qwen2Config.builder().hiddenSize(64).heads(4).kvHeads(3).build());
        assertEquals("num_attention_heads 4 is not a multiple of num_key_value_heads 3: each key/value head"
                + " serves a whole group of query heads", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Qwen2Config.builder().hiddenSize(60).heads(8).build());
        assertEquals("hidden_size 60 is not a multiple of num_attention_heads 8: pick heads that divide the width",
                e.getMessage());
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"llama\"}");
        CheckpointException ce = assertThrows(CheckpointException.class, () -> Qwen2Config.read(dir));
        assertEquals("config.json: model_type is llama, r1kit reads qwen2", ce.getMessage());
        Files.writeString(dir.resolve("config.json"), QWEN25_05B.replace("\"use_sliding_window\": false",
                "\"use_sliding_window\": true"));
        ce = assertThrows(CheckpointException.class, () -> Qwen2Config.read(dir));
        assertEquals("config.json: use_sliding_window = true: sliding-window attention is not implemented;"
                + " set it to false", ce.getMessage());
    }
}
