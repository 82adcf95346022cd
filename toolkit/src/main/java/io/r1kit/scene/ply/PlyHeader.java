package io.r1kit.scene.ply;

import io.r1kit.Excerpt;

import io.r1kit.scene.SceneFormatException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed PLY header: body format, elements in body order, {@code comment}/{@code obj_info} text,
 * and the byte offset where the body starts.
 *
 * <p>Lines may end in LF or CRLF. A line starting with a word that is not a PLY keyword (some
 * exporters write free text such as {@code Created by ...}) is skipped and reported in
 * {@link #notes()}; a known keyword with the wrong arguments is an error.
 *
 * @param format     body encoding
 * @param elements   elements in the order their instances appear in the body
 * @param comments   text of {@code comment} and {@code obj_info} lines
 * @param bodyOffset offset of the first body byte in the file
 * @param notes      remarks about tolerated oddities
 */
public record PlyHeader(PlyFormat format, List<PlyElement> elements, List<String> comments, int bodyOffset,
                        List<String> notes) {

    public PlyHeader {
        elements = List.copyOf(elements);
        comments = List.copyOf(comments);
        notes = List.copyOf(notes);
    }

    /** The first element called {@code name}, if declared. */
    public Optional<PlyElement> element(String name) {
        return elements.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * Parses the header at the start of {@code buf} (read from {@code file}, named in errors). The
     * buffer's position is left unchanged.
     */
    public static PlyHeader parse(Path file, ByteBuffer buf) throws SceneFormatException {
        ByteBuffer in = buf.duplicate();
        if (!in.hasRemaining()) {
            throw new SceneFormatException(file, "file is empty");
        }
        PlyFormat format = null;
        List<String> comments = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<List<PlyProperty>> props = new ArrayList<>();
        int lineNo = 0;
        while (true) {
            String line = nextLine(in);
            if (line == null) {
                throw new SceneFormatException(file, lineNo == 0 ? "file is empty" : "header has no end_header line");
            }
            lineNo++;
            String trimmed = line.strip();
            if (lineNo == 1) {
                if (!trimmed.equals("ply")) {
                    throw new SceneFormatException(file, "not a PLY file: first line is '" + Excerpt.of(trimmed)
                            + "', expected 'ply'");
                }
                continue;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] w = trimmed.split("\\s+");
            if (!w[0].equals("comment") && !w[0].equals("obj_info") && !trimmed.matches("[\\x20-\\x7E\\t]*")) {
                throw malformed(file, lineNo, trimmed, "a header line holds printable ASCII only");
            }
            switch (w[0]) {
                case "end_header" -> {
                    if (format == null) {
                        throw new SceneFormatException(file, "header has no format line");
                    }
                    List<PlyElement> elements = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        elements.add(new PlyElement(names.get(i), counts.get(i), props.get(i)));
                    }
                    return new PlyHeader(format, elements, comments, in.position(), notes);
                }
                case "comment", "obj_info" -> comments.add(trimmed.substring(w[0].length()).strip());
                case "format" -> {
                    if (w.length != 3) {
                        throw malformed(file, lineNo, trimmed, "expected 'format <encoding> 1.0'");
                    }
                    int at = lineNo;
                    format = PlyFormat.ofKeyword(w[1]).orElseThrow(() -> new SceneFormatException(file,
                            "unknown format '" + w[1] + "' on header line " + at
                                    + " (expected ascii, binary_little_endian or binary_big_endian)"));
                }
                case "element" -> {
                    if (w.length != 3) {
                        throw malformed(file, lineNo, trimmed, "expected 'element <name> <count>'");
                    }
                    int count;
                    try {
                        count = Integer.parseInt(w[2]);
                    } catch (NumberFormatException e) {
                        count = -1;
                    }
                    if (count < 0) {
                        throw malformed(file, lineNo, trimmed, "element count must be a whole number >= 0");
                    }
                    names.add(w[1]);
                    counts.add(count);
                    props.add(new ArrayList<>());
                }
                case "property" -> {
                    if (names.isEmpty()) {
                        throw malformed(file, lineNo, trimmed, "property before any element");
                    }
                    props.get(props.size() - 1).add(property(file, lineNo, trimmed, w));
                }
                default -> notes.add("header line " + lineNo + " is not a PLY header line and was skipped: '"
                        + Excerpt.of(trimmed) + "'");
            }
        }
    }

    private static PlyProperty property(Path file, int lineNo, String line, String[] w) throws SceneFormatException {
        boolean list = w.length > 1 && w[1].equals("list");
        if (list ? w.length != 5 : w.length != 3) {
            throw malformed(file, lineNo, line, list ? "expected 'property list <count type> <type> <name>'"
                    : "expected 'property <type> <name>'");
        }
        PlyType type = type(file, lineNo, list ? w[3] : w[1]);
        PlyType countType = list ? type(file, lineNo, w[2]) : null;
        if (countType != null && !countType.integral()) {
            throw malformed(file, lineNo, line, "a list length type must be an integer type");
        }
        return new PlyProperty(list ? w[4] : w[2], type, countType);
    }

    private static PlyType type(Path file, int lineNo, String word) throws SceneFormatException {
        return PlyType.ofName(word).orElseThrow(() -> new SceneFormatException(file,
                "unknown property type '" + Excerpt.of(word) + "' on header line " + lineNo));
    }

    private static SceneFormatException malformed(Path file, int lineNo, String line, String expected) {
        return new SceneFormatException(file, "malformed header line " + lineNo + " '" + Excerpt.of(line) + "': "
                + expected);
    }

    /** The next line without its LF or CRLF, or {@code null} at the end of the buffer. */
    private static String nextLine(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return null;
        }
        int start = in.position();
        int end = start;
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                break;
            }
            end++;
        }
        if (end > start && in.get(end - 1) == '\r') {
            end--;
        }
        byte[] bytes = new byte[end - start];
        in.get(start, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
