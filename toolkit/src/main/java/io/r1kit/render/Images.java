package io.r1kit.render;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** PNG output and copies of images, so JShell and the CLI can keep what a notebook would show. */
public final class Images {

    private Images() {}

    /** Writes {@code image} as PNG to {@code png} (creating its folder) and returns the path. */
    public static Path write(BufferedImage image, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException(png.getFileName() + ": no PNG writer for this image type");
        }
        return png;
    }

    /** An independent RGB copy of {@code image}. */
    public static BufferedImage copy(BufferedImage image) {
        BufferedImage c = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = c.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return c;
    }
}
