package io.r1kit.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ReferIt3D's {@code nr3d.csv} (and {@code sr3d*.csv}, same layout): a csv with a header row.
 * Required columns: {@code stimulus_id, utterance, target_id, instance_type, scan_id}. Optional:
 * {@code mentions_target_class, uses_object_lang, uses_spatial_lang, uses_color_lang,
 * uses_shape_lang, correct_guess} (booleans written {@code True}/{@code False}, any case; empty
 * means unknown) and {@code dataset, assignmentid, worker_id}. Other columns are ignored.
 * Errors name the line (from 1) on which the offending row starts.
 *
 * <pre>{@code
 * List<Nr3dEntry> nr3d = Nr3d.read(Path.of("nr3d.csv"));
 * long hard = nr3d.stream().filter(Nr3dEntry::isHard).count();
 * }</pre>
 */
public final class Nr3d {

    private static final List<String> REQUIRED = List.of("stimulus_id", "utterance", "target_id", "instance_type", "scan_id");

    private Nr3d() {}

    /** All rows of {@code file}, in file order. */
    public static List<Nr3dEntry> read(Path file) throws IOException {
        List<CsvReader.Row> rows = CsvReader.parse(file, TextFiles.read(file));
        CsvReader.Row header = rows.get(0);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            if (column.putIfAbsent(name, i) != null && !name.isEmpty()) {
                throw DataFormatException.atLine(file, header.line(), "column \"" + name + "\" appears twice");
            }
        }
        for (String name : REQUIRED) {
            if (!column.containsKey(name)) {
                throw DataFormatException.atLine(file, header.line(), "missing column \"" + name + "\"");
            }
        }
        List<Nr3dEntry> out = new ArrayList<>(rows.size() - 1);
        int width = header.fields().size();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != width) {
                throw DataFormatException.atLine(file, row.line(),
                        row.fields().size() + " fields but the header has " + width);
            }
            out.add(entry(file, new Cells(file, row, column)));
        }
        return List.copyOf(out);
    }

    private static Nr3dEntry entry(Path file, Cells c) throws DataFormatException {
        Nr3dEntry.Extras extras = new Nr3dEntry.Extras(
                c.bool("mentions_target_class"), c.bool("uses_object_lang"), c.bool("uses_spatial_lang"),
                c.bool("uses_color_lang"), c.bool("uses_shape_lang"), c.bool("correct_guess"),
                c.optional("dataset"), c.optional("assignmentid"), c.optional("worker_id"));
        try {
            return new Nr3dEntry(c.get("stimulus_id"), c.get("utterance"), c.integer("target_id"),
                    c.get("instance_type"), c.get("scan_id"), extras);
        } catch (IllegalArgumentException e) {
            throw DataFormatException.atLine(file, c.row.line(), e.getMessage());
        }
    }

    /** The cells of one row, looked up by column name, with line-numbered errors. */
    private record Cells(Path file, CsvReader.Row row, Map<String, Integer> column) {

        String get(String name) {
            return row.fields().get(column.get(name));
        }

        Optional<String> optional(String name) {
            Integer i = column.get(name);
            return i == null || row.fields().get(i).isEmpty() ? Optional.empty() : Optional.of(row.fields().get(i));
        }

        int integer(String name) throws DataFormatException {
            String v = get(name).strip();
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw DataFormatException.atLine(file, row.line(), "column \"" + name + "\" should be an integer, got \"" + v + "\"");
            }
        }

        Optional<Boolean> bool(String name) throws DataFormatException {
            Optional<String> v = optional(name).map(s -> s.strip().toLowerCase(Locale.ROOT));
            if (v.isEmpty()) {
                return Optional.empty();
            }
            return switch (v.get()) {
                case "true" -> Optional.of(true);
                case "false" -> Optional.of(false);
                default -> throw DataFormatException.atLine(file, row.line(),
                        "column \"" + name + "\" should be True or False, got \"" + optional(name).get() + "\"");
            };
        }
    }
}
