package io.r1kit.scene.scannet;

import io.r1kit.scene.SceneFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of one preprocessed ScanNet scan, found from any of its files, its prefix path
 * ({@code .../scene0000_02}) or a folder holding exactly one scan.
 *
 * @param scanId scan name, e.g. {@code scene0000_02}
 * @param vert   the points file
 * @param bbox   the box file of the same frame (aligned or not), or {@code null}
 * @param ins    the instance label file, or {@code null}
 * @param sem    the semantic label file, or {@code null}
 * @param notes  remarks about the choice made
 */
record ScanNpyFiles(String scanId, Path vert, Path bbox, Path ins, Path sem, List<String> notes) {

    static final String ALIGNED_VERT = "_aligned_vert.npy";
    static final String VERT = "_vert.npy";
    static final String ALIGNED_BBOX = "_aligned_bbox.npy";
    static final String BBOX = "_bbox.npy";
    static final String INS = "_ins_label.npy";
    static final String SEM = "_sem_label.npy";

    /** Longest first, so {@code _aligned_vert.npy} is not mistaken for {@code _vert.npy}. */
    private static final List<String> SUFFIXES = List.of(ALIGNED_VERT, ALIGNED_BBOX, INS, SEM, VERT, BBOX);

    /** The suffix {@code name} ends with, or {@code null}. */
    static String suffixOf(String name) {
        return SUFFIXES.stream().filter(name::endsWith).findFirst().orElse(null);
    }

    /** Scan ids with a points file in {@code folder}, sorted. */
    static TreeSet<String> scansIn(Path folder) throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).forEach(n -> {
                String s = suffixOf(n);
                if (ALIGNED_VERT.equals(s) || VERT.equals(s)) {
                    ids.add(n.substring(0, n.length() - s.length()));
                }
            });
        }
        return ids;
    }

    static ScanNpyFiles resolve(Path path) throws IOException {
        Path prefix;
        Boolean aligned = null; // null: the caller named no frame, prefer the axis-aligned one
        if (Files.isDirectory(path)) {
            TreeSet<String> ids = scansIn(path);
            if (ids.isEmpty()) {
                throw new SceneFormatException(path, "no <scan>_vert.npy or <scan>_aligned_vert.npy file in this folder");
            }
            if (ids.size() > 1) {
                throw new SceneFormatException(path, "holds " + ids.size() + " scans " + ids
                        + "; give the path of one of them, e.g. " + ids.first() + VERT);
            }
            prefix = path.resolve(ids.first());
        } else {
            String name = path.getFileName().toString();
            String suffix = suffixOf(name);
            if (suffix != null) {
                if (!Files.exists(path)) {
                    throw new SceneFormatException(path, "file not found");
                }
                prefix = path.resolveSibling(name.substring(0, name.length() - suffix.length()));
                aligned = suffix.equals(ALIGNED_VERT) || suffix.equals(ALIGNED_BBOX) ? Boolean.TRUE
                        : suffix.equals(VERT) || suffix.equals(BBOX) ? Boolean.FALSE : null;
            } else {
                prefix = path;
            }
        }
        String id = prefix.getFileName().toString();
        Path alignedVert = prefix.resolveSibling(id + ALIGNED_VERT);
        Path plainVert = prefix.resolveSibling(id + VERT);
        List<String> notes = new ArrayList<>();
        if (aligned == null) {
            if (!Files.exists(alignedVert) && !Files.exists(plainVert)) {
                throw new SceneFormatException(path, "no " + id + VERT + " or " + id + ALIGNED_VERT + " next to it");
            }
            aligned = Files.exists(alignedVert);
            if (aligned && Files.exists(plainVert)) {
                notes.add("both " + id + ALIGNED_VERT + " and " + id + VERT + " exist; read the axis-aligned ones");
            }
        }
        Path vert = aligned ? alignedVert : plainVert;
        if (!Files.exists(vert)) {
            throw new SceneFormatException(path, "its points file " + vert.getFileName() + " is missing");
        }
        Path bbox = prefix.resolveSibling(id + (aligned ? ALIGNED_BBOX : BBOX));
        Path otherBbox = prefix.resolveSibling(id + (aligned ? BBOX : ALIGNED_BBOX));
        if (!Files.exists(bbox)) {
            notes.add("no " + bbox.getFileName() + ": the scene has no objects"
                    + (Files.exists(otherBbox) ? " (" + otherBbox.getFileName()
                    + " is in the other frame and was not used)" : ""));
            bbox = null;
        }
        return new ScanNpyFiles(id, vert, bbox, existing(prefix.resolveSibling(id + INS)),
                existing(prefix.resolveSibling(id + SEM)), notes);
    }

    private static Path existing(Path p) {
        return Files.exists(p) ? p : null;
    }
}
