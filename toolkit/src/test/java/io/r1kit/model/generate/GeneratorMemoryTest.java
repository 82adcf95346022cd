package io.r1kit.model.generate;

import ai.djl.Device;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Config;
import io.r1kit.model.lm.Qwen2Model;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Scoped managers free every native array: many generate calls leave the resident set flat. */
class GeneratorMemoryTest {

    private static final Path STATUS = Path.of("/proc/self/status");
    /** Allowed growth over 1,000 calls; a leak of the cache alone would be tens of MB. */
    private static final long BOUND_KB = 48 * 1024;

    @Test
    void thousandGenerateCallsDoNotGrowResidentMemory() throws Exception {
        assumeTrue(Files.isReadable(STATUS), "needs Linux /proc to read the resident set");
        // One small layer keeps 1,000 calls quick; the memory handling is the same at any size.
        Qwen2Config tiny = Qwen2Config.builder().vocabSize(64).hiddenSize(16).intermediateSize(32).layers(1)
                .heads(2).kvHeads(1).build();
        try (Qwen2Model model = Qwen2Checkpoint.initialize(tiny, 1, Device.cpu())) {
            Generator g = new Generator(model);
            // two tokens: a prefill with padding, then one cached step (the cache grows once)
            GenerationConfig config = GenerationConfig.builder().maxNewTokens(2).sample(true).seed(3).build();
            List<int[]> batch = List.of(new int[] {5, 17, 42, 9, 3, 25, 7, 60}, new int[] {9, 8, 7});
            for (int i = 0; i < 50; i++) { // warm up allocators and the JIT
                g.generate(batch, config, null, null);
            }
            long before = residentKb();
            for (int i = 0; i < 1000; i++) {
                g.generate(batch, config, null, null);
            }
            long growth = residentKb() - before;
            assertTrue(growth < BOUND_KB, "resident memory grew by " + growth + " kB over 1,000 generate calls");
        }
    }

    private static long residentKb() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in " + STATUS);
    }
}
