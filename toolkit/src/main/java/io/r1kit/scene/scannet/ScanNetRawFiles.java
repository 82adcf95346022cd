package io.r1kit.scene.scannet;

import io.r1kit.scene.SceneFormatException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one raw ScanNet scan, found from the scan folder or its {@code _vh_clean_2.ply}.
 *
 * @param scanId       e.g. {@code scene0000_00}
 * @param ply          {@code <scan>_vh_clean_2.ply}
 * @param aggregation  {@code <scan>.aggregation.json} or {@code <scan>_vh_clean.aggregation.json}
 * @param segments     {@code <scan>_vh_clean_2.0.010000.segs.json}
 * @param meta         {@code <scan>.txt} (axis alignment), when present
 * @param labelMap     {@code scannetv2-labels.combined.tsv} in the scan folder or its parent, when present
 */
public record ScanNetRawFiles(String scanId, Path ply, Path aggregation, Path segments, Optional<Path> meta,
                              Optional<Path> labelMap) {

    static final String PLY_SUFFIX = "_vh_clean_2.ply";
    static final String LABEL_MAP = "scannetv2-labels.combined.tsv";

    /**
     * Finds the files of the scan at {@code path} (its folder or its {@code _vh_clean_2.ply}).
     *
     * @throws SceneFormatException naming the first required file that is missing
     */
    public static ScanNetRawFiles locate(Path path) throws SceneFormatException {
        Path dir;
        String scan;
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            dir = path;
            scan = name;
        } else if (name.endsWith(PLY_SUFFIX)) {
            dir = path.toAbsolutePath().getParent();
            scan = name.substring(0, name.length() - PLY_SUFFIX.length());
        } else {
            throw new SceneFormatException(path, "not a raw ScanNet scan: expected a scan folder or a file ending in "
                    + PLY_SUFFIX);
        }
        Path ply = require(path, dir.resolve(scan + PLY_SUFFIX), "mesh");
        Path aggregation = dir.resolve(scan + ".aggregation.json");
        if (!Files.isRegularFile(aggregation)) {
            aggregation = dir.resolve(scan + "_vh_clean.aggregation.json");
        }
        if (!Files.isRegularFile(aggregation)) {
            throw new SceneFormatException(path, "no aggregation file: expected " + scan + ".aggregation.json or "
                    + scan + "_vh_clean.aggregation.json");
        }
        Path segments = require(path, dir.resolve(scan + "_vh_clean_2.0.010000.segs.json"), "segments");
        Path meta = dir.resolve(scan + ".txt");
        Path labels = dir.resolve(LABEL_MAP);
        if (!Files.isRegularFile(labels) && dir.toAbsolutePath().getParent() != null) {
            labels = dir.toAbsolutePath().getParent().resolve(LABEL_MAP);
        }
        return new ScanNetRawFiles(scan, ply, aggregation, segments,
                Optional.of(meta).filter(Files::isRegularFile), Optional.of(labels).filter(Files::isRegularFile));
    }

    /** Whether {@code path} looks like a raw scan: its mesh and an aggregation file exist. */
    static boolean looksLikeScan(Path path) {
        try {
            locate(path);
            return true;
        } catch (SceneFormatException e) {
            return false;
        }
    }

    private static Path require(Path given, Path file, String what) throws SceneFormatException {
        if (!Files.isRegularFile(file)) {
            throw new SceneFormatException(given, "no " + what + " file: expected " + file.getFileName());
        }
        return file;
    }
}
