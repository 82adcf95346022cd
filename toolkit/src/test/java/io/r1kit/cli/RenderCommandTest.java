package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.SharedData;
import io.r1kit.scene.gen.RoomKind;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.scene.load.Scenes;
import io.r1kit.scene.proposal.ProposalConfig;
import io.r1kit.scene.proposal.Proposals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderCommandTest {

    private final String scan = SharedData.path("scannet/scene0000_02_vert.npy").toString();

    @Test
    void viewWithBoxesAndDepthWritesBothImages(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("v3.png");
        Path depth = dir.resolve("d3.png");
        MainTest.Result r = run("render", scan, "--view", "3", "--out", png.toString(), "--boxes", "--size", "128",
                "--depth", depth.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + png + " (128x128, view 3: eye="), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(128, img.getWidth());
        assertEquals(128, ImageIO.read(depth.toFile()).getHeight());
    }

    @Test
    void cameraSpecAndHighlightAsJson(@TempDir Path dir) {
        Path png = dir.resolve("c.png");
        MainTest.Result r = run("render", scan, "--camera", "eye=6,-6,5;target=0,0,1;fov=60", "--highlight", "3",
                "--size", "96", "--out", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(96, o.get("width").getAsInt());
        assertTrue(o.get("filled_fraction").getAsDouble() > 0.05, r.out());
        assertTrue(o.getAsJsonObject("visible_pixels").size() > 5, r.out());
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) {
        String out = dir.resolve("x.png").toString();
        assertEquals("r1kit: scene0000_02_vert.npy: view 24 does not exist: candidates are 0..23\n",
                run("render", scan, "--view", "24", "--out", out).err());
        assertEquals("r1kit: scene0000_02_vert.npy: no object with id 99 (the scene has 28 objects; see r1kit scene info)\n",
                run("render", scan, "--view", "0", "--highlight", "99", "--out", out).err());
        assertEquals("r1kit: scene0000_02_vert.npy: camera: fov has 'wide', not a number\n",
                run("render", scan, "--camera", "eye=1,1,1;target=0,0,0;fov=wide", "--out", out).err());
        MainTest.Result both = run("render", scan, "--view", "1", "--camera", "eye=1,1,1;target=0,0,0", "--out", out);
        assertEquals(2, both.code());
    }

    /** Wuson.ply has no objects: --boxes and --highlight use its proposals, with proposal ids. */
    @Test
    void boxesAndHighlightOnAPlyWithoutObjectsUseProposals(@TempDir Path dir) throws Exception {
        String ply = SharedData.path("ply/Wuson.ply").toString();
        int proposals = Proposals.find(Scenes.load(Path.of(ply)), ProposalConfig.defaults()).size();
        assertTrue(proposals >= 2, "Wuson.ply gives " + proposals + " proposals");
        Path boxed = dir.resolve("boxed.png");
        Path plain = dir.resolve("plain.png");
        MainTest.Result r = run("render", ply, "--view", "3", "--size", "128", "--boxes", "--highlight", "2",
                "--out", boxed.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("\nobjects  " + proposals + " proposals (the scene has no labelled objects)\n"), r.out());
        MainTest.Result p = run("render", ply, "--view", "3", "--size", "128", "--out", plain.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(!p.out().contains("proposals"), "no objects asked for, none proposed: " + p.out());
        BufferedImage a = ImageIO.read(boxed.toFile());
        BufferedImage b = ImageIO.read(plain.toFile());
        int differ = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                differ += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differ > 128, "boxes and dimming change " + differ + " pixels");

        MainTest.Result j = run("render", ply, "--view", "3", "--size", "64", "--boxes", "--json", "--out", boxed.toString());
        JsonObject o = JsonParser.parseString(j.out()).getAsJsonObject();
        assertEquals(proposals, o.get("objects").getAsInt());
        assertTrue(o.get("objects_are_proposals").getAsBoolean());
        assertEquals("r1kit: Wuson.ply: no object with id 99 (the scene has " + proposals
                        + " object proposals; see r1kit scene info --propose)\n",
                run("render", ply, "--view", "0", "--highlight", "99", "--out", plain.toString()).err());
    }

    /** A generated room draws its own labelled boxes; errors name it as --room KIND[:SEED]. */
    @Test
    void aGeneratedRoomWithItsLabelledBoxes(@TempDir Path dir) throws Exception {
        int objects = new SceneGenerator().generate(RoomKind.OFFICE, 3).scene().objects().size();
        Path png = dir.resolve("o.png");
        MainTest.Result r = run("render", "--room", "office:3", "--view", "3", "--boxes", "--highlight", "2",
                "--size", "96", "--out", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(objects, o.get("objects").getAsInt());
        assertEquals(false, o.get("objects_are_proposals").getAsBoolean());
        assertTrue(o.getAsJsonObject("visible_pixels").size() > 3, r.out());
        assertEquals(96, ImageIO.read(png.toFile()).getWidth());
        MainTest.Result text = run("render", "--room", "office:3", "--view", "3", "--size", "64", "--out", png.toString());
        assertTrue(text.out().startsWith("wrote " + png + " (64x64, view 3: eye="), text.out());
        assertEquals("r1kit: --room office:3: view 24 does not exist: candidates are 0..23\n",
                run("render", "--room", "office:3", "--view", "24", "--out", png.toString()).err());
        assertEquals("r1kit: --room office:3: no object with id 99 (the scene has " + objects
                        + " objects; see r1kit scene info)\n",
                run("render", "--room", "office:3", "--view", "0", "--highlight", "99", "--out", png.toString()).err());
    }
}
