package io.r1kit.model.vlm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VlmConfigTest {

    @Test
    void roundTripsThroughJson() {
        VlmConfig c = VlmFixtures.micro(9);
        assertEquals(c, VlmConfig.fromJson(c.toJson()));
        VlmConfig nano = VlmConfig.builder().gridTokenOffset(100).build();
        assertEquals(256, nano.decoder().hiddenSize());
        assertEquals(4, nano.decoder().numHiddenLayers());
        assertEquals(nano, VlmConfig.fromJson(nano.toJson()));
        assertEquals(1 + 7 * 48, VlmConfig.sceneTokensFor(nano.maxObjects()));
        assertEquals(true, nano.objectPointers());
        VlmConfig plain = nano.toBuilder().objectPointers(false).build();
        assertEquals(plain, VlmConfig.fromJson(plain.toJson()));
    }

    @Test
    void aFileWrittenBeforePointersReadsWithoutThem() {
        com.google.gson.JsonObject old = VlmConfig.builder().gridTokenOffset(100).build().toJson();
        old.remove("object_pointers");
        assertEquals(false, VlmConfig.fromJson(old).objectPointers());
    }

    @Test
    void theShippedNanoModelPointsAtObjects() throws Exception {
        try (java.io.InputStream in = NanoModel.class.getResourceAsStream(NanoModel.RESOURCE + "sft/" + VlmConfig.FILE)) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(true, VlmConfig.fromJson(com.google.gson.JsonParser.parseString(json).getAsJsonObject())
                    .objectPointers());
        }
    }

    @Test
    void badValuesSayWhatToFix() {
        assertEquals("grid_token_ids has 0 ids, expected 256: set the vocabulary id of each number 0..255"
                        + " (gridTokenOffset(id of \"0\") when they are consecutive)",
                assertThrows(IllegalArgumentException.class, () -> VlmConfig.builder().build()).getMessage());
        assertEquals("grid token 255 has id 4096, outside the vocabulary 0..4095: raise vocab_size or fix grid_token_ids",
                assertThrows(IllegalArgumentException.class,
                        () -> VlmConfig.builder().gridTokenOffset(3841).build()).getMessage());
        int[] ids = new int[256];
        for (int i = 0; i < 256; i++) {
            ids[i] = i;
        }
        ids[7] = 3;
        assertEquals("grid token 7 has id 3, already used by another number: each of 0..255 needs its own vocabulary entry",
                assertThrows(IllegalArgumentException.class, () -> VlmConfig.builder().gridTokenIds(ids).build())
                        .getMessage());
        assertEquals("300 objects take 2101 scene tokens, not below max_position_embeddings 2048: lower max_objects"
                        + " or raise max_position_embeddings",
                assertThrows(IllegalArgumentException.class,
                        () -> VlmConfig.builder().gridTokenOffset(0).maxObjects(300).build()).getMessage());
        assertEquals("points_per_object must be from 1 to 4096, got 0", assertThrows(IllegalArgumentException.class,
                () -> VlmConfig.builder().gridTokenOffset(0).pointsPerObject(0).build()).getMessage());
    }
}
