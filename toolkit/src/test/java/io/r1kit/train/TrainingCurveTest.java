package io.r1kit.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TrainingCurveTest {

    @Test
    void writesTheCsvAndThePicture(@TempDir Path dir) throws IOException {
        List<Path> files = TrainingCurve.write(dir, "loss", "step,loss\n1,0.5\n", () -> new BufferedImage(4, 3,
                BufferedImage.TYPE_INT_RGB));
        assertEquals(List.of(dir.resolve("loss.csv"), dir.resolve("loss.png")), files);
        assertEquals("step,loss\n1,0.5\n", Files.readString(dir.resolve("loss.csv")));
        assertEquals(4, ImageIO.read(dir.resolve("loss.png").toFile()).getWidth());
        assertEquals(dir.resolve("loss.png"), TrainingCurve.saved(dir, "loss"));
    }

    @Test
    void keepsTheCsvWhenTheRuntimeCannotDraw(@TempDir Path dir) throws IOException {
        // what a JRE without libharfbuzz throws from its font manager on the first chart with text
        List<Path> files = TrainingCurve.write(dir, "reward", "step,reward\n1,1.5\n", () -> {
            throw new UnsatisfiedLinkError("libfontmanager.so: libharfbuzz.so.0: cannot open shared object file");
        });
        assertEquals(List.of(dir.resolve("reward.csv")), files);
        assertEquals("step,reward\n1,1.5\n", Files.readString(dir.resolve("reward.csv")));
        assertFalse(Files.exists(dir.resolve("reward.png")));
        assertEquals(dir.resolve("reward.csv"), TrainingCurve.saved(dir, "reward"));
        // later attempts fail with NoClassDefFoundError (the font manager's class never initialised): same outcome
        assertEquals(1, TrainingCurve.write(dir, "loss", "step\n", () -> {
            throw new NoClassDefFoundError("sun/font/SunFontManager");
        }).size());
    }
}
