package io.r1kit.model.vlm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.io.SafetensorsWriter;
import io.r1kit.model.io.TensorStore;
import io.r1kit.scene.Scene;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Vlm3dTest {

    @TempDir
    Path dir;

    private static final Scene HAND = VlmFixtures.handScene();

    @Test
    void sceneTokensAreGlobalThenFeatureAndSixCopyableBoxTokensPerObject() {
        VlmConfig c = VlmFixtures.micro(0);
        try (Vlm3d model = Vlm3d.initialize(c, Device.cpu()); NDManager scope = model.newScope()) {
            SceneFeatures f = model.features(HAND);
            NDArray tokens = model.sceneTokens(f, scope);
            assertEquals(new Shape(1 + 7 * 2, 64), tokens.getShape());
            NDArray slots = model.encoder().parameters().get("scene_encoder.box_slots");       // [6, C]
            NDArray embedding = model.decoder().parameters().get("model.embed_tokens.weight"); // [V, C]
            for (int o = 0; o < 2; o++) {
                int[] grid = f.objects().get(o).grid();
                for (int k = 0; k < 6; k++) {
                    // box token k of object o = embedding of the token for its k-th grid number + slot k
                    float[] token = tokens.get(1 + 7 * o + 1 + k).toFloatArray();
                    float[] expected = embedding.get(VlmFixtures.GRID_OFFSET + grid[k]).add(slots.get(k)).toFloatArray();
                    assertArrayEquals(expected, token, 1e-6f, "object " + o + " box token " + k);
                }
            }
            assertEquals(VlmFixtures.GRID_OFFSET + 80, c.gridTokenId(80));
            assertEquals(80, c.gridValue(VlmFixtures.GRID_OFFSET + 80));
            assertEquals(-1, c.gridValue(3));
        }
    }

    @Test
    void theSameSeedGivesTheSameTokens() {
        try (Vlm3d a = Vlm3d.initialize(VlmFixtures.micro(7), Device.cpu());
             Vlm3d b = Vlm3d.initialize(VlmFixtures.micro(7), Device.cpu());
             Vlm3d other = Vlm3d.initialize(VlmFixtures.micro(8), Device.cpu());
             NDManager scope = a.newScope()) {
            float[] ta = a.sceneTokens(a.features(HAND), scope).toFloatArray();
            assertArrayEquals(ta, b.sceneTokens(b.features(HAND), scope).toFloatArray(), 0f);
            assertFalse(Arrays.equals(ta, other.sceneTokens(other.features(HAND), scope).toFloatArray()));
            assertEquals(a.parameterCount(), other.parameterCount());
        }
    }

    @Test
    void gradientsReachTheEncodersFirstLayerAndTheDecoderAndTheLossFalls() {
        VlmConfig c = VlmFixtures.micro(1);
        List<VlmExample> batch = List.of(
                VlmExample.of(HAND, c, new int[] {1, 2}, new int[] {VlmFixtures.GRID_OFFSET + 80, 3}),
                VlmExample.of(HAND, c, new int[] {4}, new int[] {5, 6, 7}));
        try (Vlm3d model = Vlm3d.initialize(c, Device.cpu())) {
            model.setTrainable(true);
            try (NDManager scope = model.newScope()) {
                VlmOutput out;
                try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                    out = model.forward(batch, scope);
                    collector.backward(out.loss());
                }
                // rows: 15 scene tokens + 2 + 2 and 15 + 1 + 3; right-padded to 19
                // V word logits then one pointer logit per encoded object (2 in the hand scene)
                assertEquals(new Shape(2, 19, VlmFixtures.VOCAB + 2), out.logits().getShape());
                assertArrayEquals(new int[] {16, 15}, out.answerFrom());
                // an untrained model is near uniform: cross-entropy close to ln V
                assertEquals(Math.log(VlmFixtures.VOCAB + 2), out.loss().getFloat(), 0.3);
                for (String name : List.of("scene_encoder.point_mlp.0.weight", "scene_encoder.box_slots",
                        "model.embed_tokens.weight", "model.layers.0.self_attn.q_proj.weight")) {
                    NDArray g = model.parameters().get(name).getGradient();
                    g.attach(scope);
                    assertTrue(g.abs().sum().getFloat() > 0, "no gradient reached " + name);
                }
                for (NDArray p : model.parameters().values()) { // clear for the trainer below
                    NDArray g = p.getGradient();
                    g.attach(scope);
                    g.muli(0f);
                }
            }
            SftTrainer trainer = new SftTrainer(model, SftConfig.fromJson("{\"learning_rate\": 3e-3}"));
            float first = trainer.step(batch);
            float last = first;
            for (int i = 0; i < 15; i++) {
                last = trainer.step(batch);
            }
            assertEquals(16, trainer.steps());
            assertTrue(last < first * 0.5, "loss " + first + " -> " + last);
        }
    }

    @Test
    void aSavedModelLoadsToTheSameLogits() throws IOException {
        VlmConfig c = VlmFixtures.micro(2);
        List<VlmExample> batch = List.of(VlmExample.of(HAND, c, new int[] {1, 2}, new int[] {3, 4}));
        try (Vlm3d model = Vlm3d.initialize(c, Device.cpu())) {
            List<Path> files = model.save(dir);
            assertEquals(List.of("config.json", "vlm.json", "r1kit.json", "model.safetensors"),
                    files.stream().map(p -> p.getFileName().toString()).toList());
            assertTrue(Files.readString(dir.resolve("r1kit.json")).contains("\"architecture\": \"r1kit-vlm3d\""));
            try (Vlm3d copy = VlmCheckpoint.load(dir, Device.cpu());
                 NDManager scope = model.newScope()) {
                assertEquals(c, copy.config());
                assertEquals(model.parameterCount(), copy.parameterCount());
                assertArrayEquals(model.forward(batch, scope).logits().toFloatArray(),
                        copy.forward(batch, scope).logits().toFloatArray(), 0f);
            }
        }
    }

    @Test
    void aMissingOrTruncatedTensorIsOneLine() throws IOException {
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(2), Device.cpu())) {
            model.save(dir);
        }
        Path file = dir.resolve("model.safetensors");
        Map<String, FloatTensor> kept = new LinkedHashMap<>();
        try (TensorStore store = TensorStore.open(dir)) {
            for (String name : store.names()) {
                if (!name.equals("scene_encoder.box_slots")) {
                    kept.put(name, store.read(name, store.info(name).shape()));
                }
            }
        }
        byte[] full = Files.readAllBytes(file);
        SafetensorsWriter.write(file, kept, Dtype.F32, Map.of());
        CheckpointException e = assertThrows(CheckpointException.class, () -> VlmCheckpoint.load(dir, Device.cpu()));
        assertEquals("model.safetensors: missing tensor scene_encoder.box_slots", e.getMessage());

        Files.write(file, Arrays.copyOf(full, full.length - 8));
        e = assertThrows(CheckpointException.class, () -> VlmCheckpoint.load(dir, Device.cpu()));
        assertTrue(e.getMessage().startsWith("model.safetensors: truncated: tensor "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
