package io.r1kit.scene.ply;

import io.r1kit.scene.PointCloud;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a {@link PointCloud} as a PLY vertex list: {@code float x, y, z}, then {@code float nx,
 * ny, nz} when the cloud has normals, then {@code uchar red, green, blue} (colour times 255,
 * rounded). ASCII output uses the shortest decimal that reads back as the same float, so ASCII and
 * binary files both round-trip coordinates exactly.
 *
 * <pre>{@code
 * PlyWriter.write(scene.points(), Path.of("room.ply"), PlyFormat.BINARY_LITTLE_ENDIAN);
 * }</pre>
 */
public final class PlyWriter {

    private static final int CHUNK = 1 << 16;

    private PlyWriter() {}

    /** Writes {@code cloud} to {@code file} (replacing it) in {@code format}. */
    public static void write(PointCloud cloud, Path file, PlyFormat format) throws IOException {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(format, "format");
        float[] xyz = cloud.xyzArray();
        float[] rgb = cloud.rgbArray();
        float[] nrm = cloud.normalsArray();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header(cloud.size(), nrm != null, format).getBytes(StandardCharsets.US_ASCII));
            if (format == PlyFormat.ASCII) {
                writeAscii(out, xyz, rgb, nrm);
            } else {
                writeBinary(out, xyz, rgb, nrm, format);
            }
        }
    }

    private static String header(int n, boolean normals, PlyFormat format) {
        StringBuilder h = new StringBuilder("ply\nformat ").append(format.keyword()).append(" 1.0\n")
                .append("comment r1kit point cloud\n")
                .append("element vertex ").append(n).append('\n')
                .append("property float x\nproperty float y\nproperty float z\n");
        if (normals) {
            h.append("property float nx\nproperty float ny\nproperty float nz\n");
        }
        return h.append("property uchar red\nproperty uchar green\nproperty uchar blue\nend_header\n").toString();
    }

    private static void writeAscii(OutputStream out, float[] xyz, float[] rgb, float[] nrm) throws IOException {
        StringBuilder line = new StringBuilder(96);
        for (int i = 0; i < xyz.length; i += 3) {
            line.setLength(0);
            line.append(xyz[i]).append(' ').append(xyz[i + 1]).append(' ').append(xyz[i + 2]);
            if (nrm != null) {
                line.append(' ').append(nrm[i]).append(' ').append(nrm[i + 1]).append(' ').append(nrm[i + 2]);
            }
            for (int c = 0; c < 3; c++) {
                line.append(' ').append(toByte(rgb[i + c]));
            }
            out.write(line.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void writeBinary(OutputStream out, float[] xyz, float[] rgb, float[] nrm, PlyFormat format)
            throws IOException {
        int stride = nrm == null ? 15 : 27;
        ByteBuffer buf = ByteBuffer.allocate(stride * CHUNK).order(format.order());
        for (int i = 0; i < xyz.length; i += 3) {
            buf.putFloat(xyz[i]).putFloat(xyz[i + 1]).putFloat(xyz[i + 2]);
            if (nrm != null) {
                buf.putFloat(nrm[i]).putFloat(nrm[i + 1]).putFloat(nrm[i + 2]);
            }
            buf.put((byte) toByte(rgb[i])).put((byte) toByte(rgb[i + 1])).put((byte) toByte(rgb[i + 2]));
            if (buf.remaining() < stride) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }
        out.write(buf.array(), 0, buf.position());
    }

    private static int toByte(float c) {
        return Math.round(c * 255f);
    }
}
