package io.r1kit.cli;

import io.r1kit.SharedData;
import io.r1kit.scene.gen.RoomKind;
import io.r1kit.train.TinyCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PATH|--room KIND[:SEED]}, the same on every verb that reads a scene. */
class SceneInputTest {

    private final String scan = SharedData.path("scannet/scene0000_02_vert.npy").toString();

    /** Each verb with its other required arguments, the scene left out. */
    private static List<String[]> verbs(Path dir) {
        return List.of(
                new String[] {"scene", "info"},
                new String[] {"render", "--view", "0", "--size", "32", "--out", dir.resolve("r.png").toString()},
                new String[] {"views", "--query", "the bed", "--out", dir.resolve("v.png").toString()},
                new String[] {"view", "--out", dir.resolve("v.html").toString()},
                new String[] {"ask", "--task", "dense-caption", "--model", TinyCheckpoint.dir().toString()});
    }

    private static String[] with(String[] verb, String... scene) {
        return Stream.concat(Stream.of(verb), Stream.of(scene)).toArray(String[]::new);
    }

    /** One line on stderr, nothing on stdout, exit 1: no usage, no stack trace. */
    private static void refused(MainTest.Result r, String expected) {
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("r1kit: " + expected + "\n", r.err());
    }

    @Test
    void pathAndRoomTogetherAreRefusedInOneLine(@TempDir Path dir) {
        for (String[] verb : verbs(dir)) {
            refused(run(with(verb, scan, "--room", "bedroom:7")),
                    "give PATH or --room KIND[:SEED], not both (got " + scan + " and --room bedroom:7)");
            refused(run(with(verb, "--room", "office", scan)),
                    "give PATH or --room KIND[:SEED], not both (got " + scan + " and --room office)");
        }
        assertTrue(Files.notExists(dir.resolve("r.png")) && Files.notExists(dir.resolve("v.html")), "nothing written");
    }

    @Test
    void aBadKindOrSeedIsOneLine(@TempDir Path dir) {
        for (String[] verb : verbs(dir)) {
            String verbName = String.join(" ", verb);
            refused(run(with(verb, "--room", "garage")),
                    "--room garage: unknown room kind (known: bedroom, living-room, kitchen, office)");
            refused(run(with(verb, "--room", "living_room:3")),
                    "--room living_room:3: unknown room kind (known: bedroom, living-room, kitchen, office)");
            refused(run(with(verb, "--room", "kitchen:x")), "--room kitchen:x: the seed after ':' must be an integer");
            refused(run(with(verb, "--room", "kitchen:")), "--room kitchen:: the seed after ':' must be an integer");
            assertTrue(Files.notExists(dir.resolve("v.png")), verbName + " wrote nothing");
        }
    }

    @Test
    void noSceneIsAUsageError(@TempDir Path dir) {
        for (String[] verb : verbs(dir)) {
            MainTest.Result r = run(verb);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("Missing required argument (specify one of these): (PATH | --room=KIND[:SEED])\n"
                    + "Usage: r1kit " + verb[0]), r.err());
        }
    }

    /** The help names PATH and --room, and lists every room kind there is. */
    @Test
    void helpListsEveryKind(@TempDir Path dir) {
        List<String> slugs = new ArrayList<>(RoomKind.slugs());
        String last = slugs.remove(slugs.size() - 1);
        String kinds = String.join(", ", slugs) + " or " + last;
        for (String[] verb : verbs(dir)) {
            MainTest.Result r = run(verb[0].equals("scene") ? new String[] {"scene", "info", "--help"}
                    : new String[] {verb[0], "--help"});
            assertEquals(0, r.code(), r.err());
            String help = r.out().replaceAll("\\s+", " ");
            assertTrue(help.contains("[--room=KIND[:SEED]]") && help.contains("[PATH]"), help);
            assertTrue(help.contains("a generated room instead of a file: " + kinds + ", seed 7 unless given"), help);
        }
    }
}
