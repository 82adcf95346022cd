package io.r1kit.model.vlm;

import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.lm.Qwen2Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** config.json and vlm.json: each key has its type and bounds, each refusal is one line naming file and key. */
class CheckpointJsonTest {

    @TempDir
    Path dir;

    private String vlmRefusal(String from, String to) throws Exception {
        VlmConfig c = VlmFixtures.micro(1);
        c.write(dir.resolve(VlmConfig.FILE));
        String text = Files.readString(dir.resolve(VlmConfig.FILE));
        Files.writeString(dir.resolve(VlmConfig.FILE), text.replace(from, to));
        return assertThrows(CheckpointException.class, () -> VlmConfig.read(dir)).getMessage();
    }

    @Test
    void aHugePointsPerObjectIsRefusedBeforeAnythingIsAllocated() throws Exception {
        assertEquals("vlm.json: points_per_object is 2000000000, expected a whole number from 1 to 4096",
                vlmRefusal("\"points_per_object\": 4", "\"points_per_object\": 2000000000"));
        assertEquals("vlm.json: max_objects is 1E+12, expected a whole number from 1 to 1024",
                vlmRefusal("\"max_objects\": 8", "\"max_objects\": 1e12"));
    }

    @Test
    void wrongTypesAreNamed() throws Exception {
        assertEquals("vlm.json: grid_token_ids is 5, expected an array of whole numbers",
                vlmRefusal("\"grid_token_ids\": [", "\"grid_token_ids\": 5, \"x\": ["));
        assertEquals("vlm.json: hidden_size is \"64\", expected a whole number from 1 to 262144",
                vlmRefusal("\"hidden_size\": 64", "\"hidden_size\": \"64\""));
        assertEquals("vlm.json: object_pointers is \"yes\", expected true or false",
                vlmRefusal("\"object_pointers\": true", "\"object_pointers\": \"yes\""));
        assertEquals("vlm.json: decoder is null, expected a JSON object",
                vlmRefusal("\"decoder\": {", "\"decoder\": null, \"x\": {"));
    }

    @Test
    void configJsonThatIsNotUtf8IsNamedWithTheByte() throws Exception {
        Path f = dir.resolve("config.json");
        VlmFixtures.micro(1).decoder().write(f);
        byte[] b = Files.readAllBytes(f);
        b[20] = (byte) 0xE2; // the start of a three-byte character, cut short
        Files.write(f, b);
        assertEquals("config.json: not UTF-8 text (byte 20 is not part of a UTF-8 character)",
                assertThrows(CheckpointException.class, () -> Qwen2Config.read(dir)).getMessage());
    }

    @Test
    void configJsonKeysAreTypedAndBounded() throws Exception {
        Path f = dir.resolve("config.json");
        VlmFixtures.micro(1).decoder().write(f);
        String good = Files.readString(f);
        Files.writeString(f, good.replace("\"vocab_size\": 272", "\"vocab_size\": [272]"));
        assertEquals("config.json: vocab_size is an array, expected a whole number from 1 to 16777216",
                assertThrows(CheckpointException.class, () -> Qwen2Config.read(dir)).getMessage());
        Files.writeString(f, good.replace("\"num_hidden_layers\": 2", "\"num_hidden_layers\": 2.5"));
        assertEquals("config.json: num_hidden_layers is 2.5, expected a whole number from 1 to 4096",
                assertThrows(CheckpointException.class, () -> Qwen2Config.read(dir)).getMessage());
        Files.writeString(f, good.replace("\"rms_norm_eps\": 1.0E-6", "\"rms_norm_eps\": \"small\""));
        assertEquals("config.json: rms_norm_eps is \"small\", expected a number from 4.9E-324 to 1.0",
                assertThrows(CheckpointException.class, () -> Qwen2Config.read(dir)).getMessage());
    }
}
