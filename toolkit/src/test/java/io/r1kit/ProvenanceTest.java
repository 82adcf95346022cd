package io.r1kit;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void aRunExtendsWhatItsCheckpointWriterStartedWithoutChangingIt() throws IOException {
        Provenance checkpoint = Provenance.of("architecture", "qwen2").with("parameters", 3_400_000L).with("seed", 0);
        checkpoint.write(dir);
        JsonObject recipe = new JsonObject();
        recipe.addProperty("steps", 50);
        Provenance run = Provenance.read(dir).with("seed", 7).with("recipe", recipe).with("loss", Double.NaN)
                .with("base", checkpoint);
        run.write(dir);
        Provenance back = Provenance.read(dir);
        assertEquals(List.of("toolkit", "architecture", "parameters", "seed", "recipe", "loss", "base"),
                List.copyOf(back.toJson().keySet()));
        assertEquals(Version.get(), back.get("toolkit").getAsString());
        assertEquals(7, back.get("seed").getAsInt());                   // replaced in place
        assertEquals(50, back.get("recipe").getAsJsonObject().get("steps").getAsInt());
        assertTrue(Double.isNaN(back.get("loss").getAsDouble()));
        assertEquals(0, back.get("base").getAsJsonObject().get("seed").getAsInt());
        assertEquals(0, checkpoint.get("seed").getAsInt());              // immutable
    }

    @Test
    void aMissingOrDamagedFileIsOneLineNamingIt() throws IOException {
        assertFalse(Provenance.exists(dir));
        assertEquals("r1kit.json: not found (every checkpoint and run writes one)",
                assertThrows(BadFileException.class, () -> Provenance.read(dir)).getMessage());
        Files.writeString(dir.resolve(Provenance.FILE), "[1, 2]");
        assertEquals("r1kit.json: not a JSON object",
                assertThrows(BadFileException.class, () -> Provenance.read(dir)).getMessage());
        Files.writeString(dir.resolve(Provenance.FILE), "{\"a\": ");
        assertTrue(assertThrows(BadFileException.class, () -> Provenance.read(dir)).getMessage()
                .startsWith("r1kit.json: not JSON"));
        assertThrows(IllegalArgumentException.class, () -> Provenance.of("a", List.of(1)));
    }
}
