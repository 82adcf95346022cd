package io.r1kit.train.sft;

import ai.djl.Device;
import io.r1kit.AtomicFolder;
import io.r1kit.eval.MeteorResources;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.io.SafetensorsWriter;
import io.r1kit.model.io.TensorStore;
import io.r1kit.model.vlm.VlmCheckpoint;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SFT that meets a non-finite loss or gradient stops with one line naming the step and leaves the output as it was. */
class SftNonFiniteTest {

    @TempDir
    Path dir;

    @Test
    void aDivergingRunStopsAtItsStepAndKeepsThePreviousCheckpoint() throws Exception {
        Path base = TinyCheckpoint.dir();
        Path huge = dir.resolve("huge");            // finite weights whose forward pass overflows
        AtomicFolder.copyTree(base, huge);
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        try (TensorStore s = TensorStore.open(huge)) {
            for (String n : s.names()) {
                FloatTensor t = s.read(n, s.info(n).shape());
                float[] d = t.data();
                if (n.contains("embed_tokens")) {
                    for (int i = 0; i < d.length; i++) {
                        d[i] *= 1e30f;
                    }
                }
                tensors.put(n, new FloatTensor(t.shape(), d));
            }
        }
        Files.delete(huge.resolve("model.safetensors"));
        SafetensorsWriter.writeCheckpoint(huge, tensors, Dtype.F32, Long.MAX_VALUE);

        Path out = dir.resolve("out");               // the previous good checkpoint
        AtomicFolder.copyTree(base, out);
        byte[] before = Files.readAllBytes(out.resolve("model.safetensors"));
        String recipe = TinyCheckpoint.RECIPE.replace("\"steps\": 30", "\"steps\": 4")
                .replace("\"seed\": 3", "\"seed\": 3, \"init_model\": \"" + huge.toString().replace("\\", "\\\\") + "\"");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SftRun.run(SftConfig.fromJson(recipe),
                out, TrainProgress.none(), MeteorResources.builtIn()));
        assertTrue(e.getMessage().matches("SFT stopped at step 1: the gradient norm is (NaN|Infinity) \\(a NaN or infinite"
                + " loss or weight\\); no update was made; not finite in .*"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; " + out + " is as it was (no checkpoint of this run was written)"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("model.safetensors")));
        VlmCheckpoint.load(out, Device.cpu()).close();
    }
}
