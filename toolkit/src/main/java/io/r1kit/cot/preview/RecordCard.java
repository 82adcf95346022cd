package io.r1kit.cot.preview;

import io.r1kit.cot.CotRecord;
import io.r1kit.cot.filter.Text;
import io.r1kit.cot.filter.Verdict;
import io.r1kit.display.Html;
import io.r1kit.display.HtmlRenderable;
import io.r1kit.task.ReasonedReply;
import io.r1kit.task.ReasoningParser;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One CoT record as a card: an optional picture of the scene (e.g. a rendering with the target
 * highlighted, passed in by the caller), the question, the numbered reasoning steps, the answer and
 * each filter's verdict with the value it measured.
 *
 * <pre>{@code
 * RecordCard.of(records.get(0))                 // shows as HTML in a notebook
 * RecordCard.of(records.get(0), image).toHtml() // with the picture, embedded as a PNG
 * }</pre>
 */
public final class RecordCard implements HtmlRenderable {

    private final CotRecord record;
    private final BufferedImage image;

    private RecordCard(CotRecord record, BufferedImage image) {
        this.record = Objects.requireNonNull(record, "record");
        this.image = image;
    }

    public static RecordCard of(CotRecord record) {
        return new RecordCard(record, null);
    }

    /** A card showing {@code image} (may be null) above the text. */
    public static RecordCard of(CotRecord record, BufferedImage image) {
        return new RecordCard(record, image);
    }

    /**
     * The card of record {@code index} (from 0) of {@code file} (CoT records, one JSON object a line), with its
     * room rendered and the target highlighted when the {@code engine.json} that {@code cot generate} writes
     * lies beside the file ({@link RecordPictures#of(java.nio.file.Path, CotRecord)}).
     *
     * @throws IllegalArgumentException naming the file and its number of records when it has no record {@code index}
     */
    public static RecordCard read(java.nio.file.Path file, int index) throws java.io.IOException {
        java.util.List<CotRecord> records = io.r1kit.cot.CotRecords.read(file);
        if (index < 0 || index >= records.size()) {
            throw new IllegalArgumentException(file.getFileName() + ": no record " + index + " (it has " + records.size()
                    + ")");
        }
        CotRecord record = records.get(index);
        java.nio.file.Path engine = file.toAbsolutePath().resolveSibling("engine.json");
        return of(record, java.nio.file.Files.exists(engine) ? RecordPictures.of(engine, record) : null);
    }

    /** The record shown. */
    public CotRecord record() {
        return record;
    }

    public Optional<BufferedImage> image() {
        return Optional.ofNullable(image);
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<div class=\"r1kit-cot-card\" style=\"border:1px solid #ccc;padding:8px;max-width:760px\">");
        sb.append("<div style=\"color:#666\">").append(Html.escape(record.sceneId())).append(" · ").append(record.task().slug());
        if (record.type() != null) {
            sb.append(" · ").append(record.type().slug());
        }
        if (!record.target().isEmpty()) {
            sb.append(" · target: <b>").append(Html.escape(record.target())).append("</b>");
            record.targetIds().forEach(id -> sb.append(" #").append(id));
        }
        sb.append("</div>");
        if (image != null) {
            sb.append("<img alt=\"scene\" style=\"max-width:100%\" src=\"").append(Html.pngDataUri(image)).append("\"/>");
        }
        sb.append("<p><b>Question.</b> ").append(Html.escape(record.question())).append("</p>");
        ReasoningParser.Result parsed = ReasoningParser.parse(record.cot());
        if (parsed.valid()) {
            ReasonedReply r = parsed.reasoning().get();
            sb.append("<ol>");
            Text.steps(r.think()).forEach(s -> sb.append("<li>").append(Html.escape(s.replaceFirst("(?i)^step\\s+\\d+\\s*:\\s*", "")))
                    .append("</li>"));
            sb.append("</ol><p><b>Answer.</b> ").append(Html.escape(r.answer())).append("</p>");
        } else {
            sb.append("<p><b>Not in the reasoning format</b> (").append(Html.escape(parsed.reason())).append("):</p><pre>")
                    .append(Html.escape(record.cot())).append("</pre>");
        }
        sb.append("<table><tr><th>filter</th><th>value</th><th>threshold</th><th>verdict</th></tr>");
        for (Verdict v : record.verdicts()) {
            sb.append("<tr><td>").append(v.filter()).append("</td><td>").append(number(v.value())).append("</td><td>")
                    .append(number(v.threshold())).append("</td><td style=\"color:").append(v.pass() ? "#070\">pass" : "#b00\">fail")
                    .append("</td></tr>");
        }
        return sb.append("</table></div>").toString();
    }

    @Override
    public String toString() {
        return "RecordCard[" + record.sceneId() + ", " + record.task().slug() + ", " + record.question() + "]";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

}
