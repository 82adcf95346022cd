package io.r1kit.scene.ply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/** Writes small hand-made PLY files for tests. */
final class PlyFiles {

    private PlyFiles() {}

    /** A text file with exactly this content. */
    static Path text(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(StandardCharsets.ISO_8859_1));
        return p;
    }

    /** {@code header} (which must end in {@code end_header\n}) followed by the bytes {@code body} puts. */
    static Path binary(Path dir, String name, String header, ByteOrder order, Consumer<ByteBuffer> body)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16).order(order);
        body.accept(b);
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + b.position());
        System.arraycopy(b.array(), 0, all, h.length, b.position());
        Path p = dir.resolve(name);
        Files.write(p, all);
        return p;
    }
}
