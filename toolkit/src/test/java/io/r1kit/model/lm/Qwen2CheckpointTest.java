package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.SafetensorsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Qwen2CheckpointTest {

    private static final long[] IDS = {5, 17, 42, 99};

    @TempDir
    Path dir;

    @Test
    void savedCheckpointLoadsToTheSameLogits() throws IOException {
        try (Qwen2Model model = Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2"), Device.cpu())) {
            List<Path> files = Qwen2Checkpoint.save(model, dir, Dtype.F32);
            assertEquals(List.of("config.json", "r1kit.json", "model.safetensors"),
                    files.stream().map(p -> p.getFileName().toString()).toList());
            try (Qwen2Model copy = Qwen2Checkpoint.load(dir, Device.cpu())) {
                assertEquals(model.config(), copy.config());
                assertArrayEquals(logits(model), logits(copy), 0f);
            }
            // the file holds Hugging Face's layout: q_proj.weight is [out, in] = [64, 64], k_proj [32, 64]
            try (SafetensorsFile f = SafetensorsFile.open(dir.resolve("model.safetensors"))) {
                assertArrayEquals(new long[] {32, 64},
                        f.info("model.layers.0.self_attn.k_proj.weight").orElseThrow().shape());
            }
        }
    }

    @Test
    void bfloat16CheckpointStaysClose() throws IOException {
        try (Qwen2Model model = Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2"), Device.cpu())) {
            Qwen2Checkpoint.save(model, dir, Dtype.BF16);
            try (Qwen2Model copy = Qwen2Checkpoint.load(dir, Device.cpu())) {
                float[] a = logits(model);
                float[] b = logits(copy);
                float worst = 0;
                for (int i = 0; i < a.length; i++) {
                    worst = Math.max(worst, Math.abs(a[i] - b[i]));
                }
                // 8 mantissa bits per weight: close, not equal
                assertTrue(worst > 0 && worst < 0.2, "largest logit change " + worst);
            }
        }
    }

    @Test
    void missingTensorAndWrongShapeAreNamed() throws IOException {
        Files.copy(Fixtures.dir("tiny-qwen2").resolve("model.safetensors"), dir.resolve("model.safetensors"));
        Qwen2Config tied = Qwen2Config.read(Fixtures.dir("tiny-qwen2")).toBuilder().intermediateSize(96).build();
        tied.write(dir.resolve("config.json"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Qwen2Checkpoint.load(dir, Device.cpu()));
        assertEquals("model.safetensors: tensor model.layers.0.mlp.gate_proj.weight: shape [128, 64], expected [96, 64]",
                e.getMessage());
        Qwen2Config.read(Fixtures.dir("tiny-qwen2")).toBuilder().layers(3).build().write(dir.resolve("config.json"));
        e = assertThrows(CheckpointException.class, () -> Qwen2Checkpoint.load(dir, Device.cpu()));
        assertEquals("model.safetensors: missing tensor model.layers.2.input_layernorm.weight", e.getMessage());
    }

    private static float[] logits(Qwen2Model m) {
        try (NDManager scope = m.newScope()) {
            return m.forward(scope.create(IDS, new Shape(1, IDS.length)), null).toFloatArray();
        }
    }
}
