package io.r1kit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SceneCaptionsTest {

    @Test
    void readsTheFixtureInFileOrder() throws Exception {
        List<SceneCaption> all = SceneCaptions.read(Fixtures.path("scene_caption.json"));
        assertEquals(List.of(
                new SceneCaption("scene0001_00", List.of("A small office with a desk, a lamp and a grey chair.",
                        "An office corner lit by a desk lamp.")),
                new SceneCaption("scene0002_00", List.of("A living room with a sofa, three pillows and a tall bookshelf."))),
                all);
    }

    @Test
    void writeThenReadGivesTheSameCaptions(@TempDir Path dir) throws Exception {
        List<SceneCaption> captions = List.of(new SceneCaption("scene0009_00", List.of("b <&> a", "c")),
                new SceneCaption("scene0001_00", List.of()));
        Path out = dir.resolve("scene_caption.json");
        SceneCaptions.write(out, captions);
        assertEquals(captions, SceneCaptions.read(out));
        assertEquals("b <&> a", SceneCaptions.read(out).get(0).captions().get(0));
    }

    @Test
    void badFilesAreNamed(@TempDir Path dir) throws Exception {
        assertEquals("a.json: scene \"s1\": appears twice",
                message(dir, "a.json", "{\"s1\": {\"captions\": []}, \"s1\": {\"captions\": [\"x\"]}}"));
        assertEquals("b.json: scene \"s1\": missing field \"captions\"", message(dir, "b.json", "{\"s1\": {\"caption\": []}}"));
        assertEquals("c.json: expected a JSON object {scene_id: {\"captions\": [...]}}, got an array", message(dir, "c.json", "[]"));
        assertEquals("d.json: bad JSON at line 1 column 26: unexpected end of input (truncated file?)",
                message(dir, "d.json", "{\"s1\": {\"captions\": [\"x\"]"));
    }

    private static String message(Path dir, String name, String text) throws Exception {
        Path f = Files.writeString(dir.resolve(name), text);
        return assertThrows(DataFormatException.class, () -> SceneCaptions.read(f)).getMessage();
    }
}
