package io.r1kit.facade;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.r1kit.cot.CotRecord;
import io.r1kit.cot.CotRecords;
import io.r1kit.cot.DataEngine;
import io.r1kit.cot.Split;
import io.r1kit.cot.preview.RecordCard;
import io.r1kit.cot.preview.RecordPictures;
import io.r1kit.display.Html;
import io.r1kit.display.HtmlRenderable;
import io.r1kit.display.Progress;
import io.r1kit.display.Table;
import io.r1kit.notebook.CotCharts;
import io.r1kit.scene.gen.SceneGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CoT data made by the data engine ({@link DataEngine#standard}) for generated rooms, as {@code r1kit cot
 * generate} writes it: instruction files and Scene-30K records with filter verdicts per split, in one folder.
 * In a notebook, the counts per split beside the filters' pass rates; {@link #card} shows one record.
 *
 * <pre>{@code
 * var data = R1.cot(4, 0, Path.of("cot"), Progress.none());
 * data.card(0);                          // the first record, its room rendered with the target highlighted
 * }</pre>
 */
public final class R1CotData implements HtmlRenderable {

    private final Path out;
    private final JsonObject summary;
    private final List<CotRecord> records;

    private R1CotData(Path out, JsonObject summary, List<CotRecord> records) {
        this.out = out;
        this.summary = summary;
        this.records = List.copyOf(records);
    }

    /** Generates rooms {@code seed .. seed + scenes - 1} into {@code out}; {@code progress} is told after each room. */
    public static R1CotData generate(int scenes, long seed, Path out, Progress progress) {
        try {
            JsonObject summary = DataEngine.standard(seed).generate(scenes, seed, out,
                    (done, total, id) -> progress.update(done, total, done + "/" + total + " " + id));
            List<CotRecord> records = new ArrayList<>();
            for (Split s : Split.values()) {
                Path file = DataEngine.recordsFile(out, s);
                if (Files.exists(file)) {
                    records.addAll(CotRecords.read(file));
                }
            }
            return new R1CotData(out, summary, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder written. */
    public Path out() {
        return out;
    }

    /** What {@code engine.json} records: provenance and the counts per split. */
    public JsonObject summary() {
        return summary.deepCopy();
    }

    /** Every record, the splits in order. */
    public List<CotRecord> records() {
        return records;
    }

    /**
     * Record {@code index} (of {@link #records()}) as a card, its room rendered with the target highlighted.
     *
     * @throws IllegalArgumentException naming the number of records when there is no such record
     */
    public RecordCard card(int index) {
        if (index < 0 || index >= records.size()) {
            throw new IllegalArgumentException("no record " + index + " (" + records.size() + " records, 0.."
                    + (records.size() - 1) + ")");
        }
        CotRecord r = records.get(index);
        return RecordCard.of(r, RecordPictures.of(new SceneGenerator().generate(r.sceneId()), r));
    }

    private Table table() {
        List<List<?>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : summary.getAsJsonObject("splits").entrySet()) {
            JsonObject c = e.getValue().getAsJsonObject();
            rows.add(List.of(e.getKey(), c.get("scenes").getAsInt(), c.get("examples").getAsInt(),
                    c.get("cot_records").getAsInt(), c.get("cot_passed").getAsInt()));
        }
        return Table.of("CoT data in " + out + " (back end " + summary.get("backend").getAsString() + ")",
                List.of("split", "scenes", "examples", "CoT records", "passing all filters"), rows);
    }

    @Override
    public String toHtml() {
        return "<div style=\"display:flex;gap:1em;align-items:flex-start\"><div>" + table().toHtml()
                + "</div><img alt=\"filter pass rates\" width=\"520\" src=\""
                + Html.pngDataUri(CotCharts.passRates(records)) + "\"></div>";
    }

    /** What {@code r1kit cot generate} prints: the folder, then per split the counts. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("wrote " + out + " (" + summary.get("scenes").getAsInt() + " scenes, seed "
                + summary.get("seed").getAsLong() + ", back end " + summary.get("backend").getAsString() + ")");
        for (Map.Entry<String, JsonElement> e : summary.getAsJsonObject("splits").entrySet()) {
            JsonObject c = e.getValue().getAsJsonObject();
            sb.append(String.format(Locale.ROOT, "%n  %-5s scenes %3d  examples %5d  cot records %5d  passing all filters %5d",
                    e.getKey(), c.get("scenes").getAsInt(), c.get("examples").getAsInt(), c.get("cot_records").getAsInt(),
                    c.get("cot_passed").getAsInt()));
        }
        return sb.toString();
    }
}
