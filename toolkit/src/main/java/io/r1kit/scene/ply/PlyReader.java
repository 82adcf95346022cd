package io.r1kit.scene.ply;

import io.r1kit.scene.PointCloud;
import io.r1kit.scene.SceneFormatException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads PLY files (ASCII, binary little and big endian) into a {@link PointCloud}.
 *
 * <p>The vertex element must have scalar {@code x, y, z}. Colours come from {@code red/green/blue},
 * {@code r/g/b} or {@code diffuse_red/...}: integer channels are divided by 255 ({@code ushort} by
 * 65535); float channels are taken as 0..1 unless some value exceeds 1, then as 0..255 (with a
 * note). {@code nx, ny, nz} become normals. Other properties and elements are read past and
 * listed in the notes. The file is read into one buffer and binary values are taken from it in the
 * file's byte order, so large binary files load quickly.
 *
 * <pre>{@code
 * PlyData d = PlyReader.read(Path.of("pond.0.ply"));
 * d.points().size();   // 70051
 * }</pre>
 */
public final class PlyReader {

    private static final float GREY = 0.5f;

    private PlyReader() {}

    /** Reads the vertices of {@code file} as points. */
    public static PlyData read(Path file) throws IOException {
        return read(file, PlyOptions.VERTICES);
    }

    /**
     * Reads {@code file}; with {@link PlyOptions#samplesSurface()} the points are drawn on its faces.
     *
     * @throws SceneFormatException naming the file and the problem when it is not a usable PLY file
     */
    public static PlyData read(Path file, PlyOptions options) throws IOException {
        ByteBuffer buf = readAll(file);
        PlyHeader header = PlyHeader.parse(file, buf);
        PlyElement vertex = header.element("vertex")
                .orElseThrow(() -> new SceneFormatException(file, "header declares no vertex element"));
        VertexLayout layout = VertexLayout.of(file, vertex);
        List<String> notes = new ArrayList<>(header.notes());
        notes.addAll(layout.notes);

        BodyReader body = BodyReader.of(file, header, buf);
        if (body instanceof BinaryBodyReader binary) {
            binary.checkLength(header).ifPresent(notes::add);
        }
        int n = vertex.count();
        // a damaged count must not make us allocate gigabytes: each vertex takes some bytes in the body
        long minBytes = (long) n * minBytesPerInstance(vertex, header.format());
        if (minBytes > buf.limit() - header.bodyOffset()) {
            throw new SceneFormatException(file, "truncated: the header declares " + n + " vertices, which need at"
                    + " least " + minBytes + " bytes, but the body has " + (buf.limit() - header.bodyOffset()));
        }
        float[] xyz = new float[3 * n];
        float[] rgb = new float[3 * n];
        float[] normals = layout.hasNormals ? new float[3 * n] : null;
        int[] triangles = null;
        List<String> skipped = new ArrayList<>();
        for (PlyElement e : header.elements()) {
            if (e == vertex) {
                readVertices(file, body, vertex, layout, xyz, rgb, normals);
            } else if (options.samplesSurface() && e.name().equals("face") && triangles == null) {
                triangles = FaceReader.triangles(file, body, e, n);
            } else {
                body.skip(e);
                if (e.name().equals("face") && e.count() > 0) {
                    notes.add(e.count() + (e.count() == 1 ? " face" : " faces") + " skipped: the " + n + " vertices are the points"
                            + " (PlyOptions.sampleSurface draws points on the faces instead)");
                } else {
                    skipped.add(e.name() + " (" + e.count() + ")");
                }
            }
        }
        if (!skipped.isEmpty()) {
            notes.add("elements skipped: " + String.join(", ", skipped));
        }
        if (normals != null) {
            normals = finiteOrNull(normals, notes);
        }
        if (layout.hasColour) {
            scaleColours(file, layout, rgb, notes);
        } else {
            Arrays.fill(rgb, GREY);
        }
        if (!options.samplesSurface()) {
            return new PlyData(new PointCloud(xyz, rgb, normals), header, notes);
        }
        if (triangles == null || triangles.length == 0) {
            throw new SceneFormatException(file, "cannot sample " + options.surfaceSamples()
                    + " points on the surface: the file has no faces");
        }
        PointCloud samples = SurfaceSampler.sample(file, xyz, rgb, normals, triangles, options.surfaceSamples(),
                options.seed());
        notes.add(options.surfaceSamples() + " points sampled on " + triangles.length / 3 + " triangles (seed "
                + options.seed() + ")");
        return new PlyData(samples, header, notes);
    }

    private static void readVertices(Path file, BodyReader body, PlyElement vertex, VertexLayout layout,
                                     float[] xyz, float[] rgb, float[] normals) throws SceneFormatException {
        List<PlyProperty> props = vertex.properties();
        int[] roles = layout.roles;
        int n = vertex.count();
        for (int i = 0; i < n; i++) {
            body.begin("vertex", i, n);
            for (int k = 0; k < roles.length; k++) {
                PlyProperty p = props.get(k);
                if (p.isList()) {
                    for (int m = body.listLength(p); m > 0; m--) {
                        body.next(p.type(), p.name());
                    }
                    continue;
                }
                float v = (float) body.next(p.type(), p.name());
                int r = roles[k];
                if (r == VertexLayout.IGNORED) {
                    continue;
                } else if (r < VertexLayout.RED) {
                    if (!Float.isFinite(v)) {
                        throw new SceneFormatException(file, "vertex " + i + " has a non-finite coordinate "
                                + p.name() + " = " + v);
                    }
                    xyz[3 * i + r] = v;
                } else if (r < VertexLayout.NX) {
                    rgb[3 * i + r - VertexLayout.RED] = v;
                } else {
                    normals[3 * i + r - VertexLayout.NX] = v;
                }
            }
            body.end();
        }
    }

    /**
     * A lower bound on the body bytes one instance of {@code e} takes: binary, its scalars and list
     * lengths; ASCII, one line of at least a value and a line end (kept loose so that short lines
     * get the reader's more precise message).
     */
    private static long minBytesPerInstance(PlyElement e, PlyFormat format) {
        if (format == PlyFormat.ASCII) {
            return 2;
        }
        long bytes = 0;
        for (PlyProperty p : e.properties()) {
            bytes += p.isList() ? p.countType().size() : p.type().size();
        }
        return bytes;
    }

    /** The normals, or {@code null} with a note when one is NaN or infinite (the points stay usable). */
    private static float[] finiteOrNull(float[] normals, List<String> notes) {
        for (int i = 0; i < normals.length; i++) {
            if (!Float.isFinite(normals[i])) {
                notes.add("vertex " + i / 3 + " has a non-finite normal (" + normals[i] + "); normals dropped");
                return null;
            }
        }
        return normals;
    }

    /** Brings colours to [0, 1]; the divisor depends on each channel's type (see the class javadoc). */
    private static void scaleColours(Path file, VertexLayout layout, float[] rgb, List<String> notes)
            throws SceneFormatException {
        float floatMax = 0;
        for (int c = 0; c < 3; c++) {
            if (!layout.colourTypes[c].integral()) {
                for (int i = c; i < rgb.length; i += 3) {
                    floatMax = Math.max(floatMax, rgb[i]);
                }
            }
        }
        if (floatMax > 1) {
            notes.add("float colours go up to " + floatMax + ", so they were read as 0..255");
        }
        String[] names = {"red", "green", "blue"};
        for (int c = 0; c < 3; c++) {
            PlyType t = layout.colourTypes[c];
            float scale = t == PlyType.USHORT ? 65535f : t.integral() || floatMax > 1 ? 255f : 1f;
            for (int i = c; i < rgb.length; i += 3) {
                float v = rgb[i] / scale;
                if (!(v >= 0f && v <= 1f)) {
                    throw new SceneFormatException(file, "vertex " + i / 3 + " has " + names[c] + " " + rgb[i]
                            + ", outside 0.." + (scale == 1f ? "1" : String.valueOf((int) scale)));
                }
                rgb[i] = v;
            }
        }
    }

    /** The whole file in one heap buffer (one bulk read; no per-byte stream calls). */
    private static ByteBuffer readAll(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new SceneFormatException(file, "file is " + size + " bytes; files over 2 GiB are not supported");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // keep reading until full: a channel may return fewer bytes than asked
            }
            return buf.flip();
        }
    }
}
