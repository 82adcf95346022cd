package io.r1kit.facade;

import io.r1kit.display.Html;
import io.r1kit.display.HtmlRenderable;
import io.r1kit.display.Table;
import io.r1kit.train.grpo.GrpoRun;
import io.r1kit.train.sft.SftRun;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A finished training run ({@link R1#sft}, {@link R1#grpo}): the checkpoint folder, what the run measured, and
 * its curve (loss per step for SFT, reward per step for GRPO) as saved beside the checkpoint. The folder is a
 * model like any other: {@link #model()}, or {@code R1.model(folder)}.
 *
 * @param method  {@code sft} or {@code grpo}
 * @param out     the checkpoint folder
 * @param summary what the run measured, in display order
 * @param curve   the saved curve ({@code loss.png} or {@code reward.png}); null where none could be drawn
 */
public record R1Training(String method, Path out, Map<String, String> summary, BufferedImage curve)
        implements HtmlRenderable {

    public R1Training {
        Objects.requireNonNull(out, "out");
        summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    static R1Training of(SftRun.Result r) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("steps", String.valueOf(r.steps()));
        s.put("training examples", r.trainExamples() + (r.dropped() > 0 ? " (" + r.dropped() + " too long, dropped)" : ""));
        s.put("parameters", String.format(Locale.ROOT, "%,d", r.parameters()));
        s.put("final training loss", f(r.finalTrainLoss()));
        s.put("final held-out loss", f(r.finalHeldOutLoss()));
        s.put("best held-out loss", f(r.bestHeldOutLoss()) + " at step " + r.bestStep());
        s.put("seconds", String.format(Locale.ROOT, "%.1f", r.seconds()));
        return new R1Training("sft", r.out(), s, read(r.out().resolve("loss.png")));
    }

    static R1Training of(GrpoRun.Result r) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("starting model", r.base().toString());
        s.put("steps", String.valueOf(r.steps()));
        s.put("training prompts", String.valueOf(r.prompts()));
        s.put("held-out reward", f(r.before().meanReward()) + " before, " + f(r.after().meanReward()) + " after ("
                + r.after().prompts() + " prompts, greedy)");
        s.put("last step's reward", f(r.last().reward()));
        s.put("seconds per step", String.format(Locale.ROOT, "%.1f", r.secondsPerStep()));
        return new R1Training("grpo", r.out(), s, read(r.out().resolve("reward.png")));
    }

    /** The trained model, loaded once ({@link R1#model(String)}). */
    public R1Model model() {
        return R1.model(out.toString());
    }

    private Table table() {
        List<List<String>> rows = new ArrayList<>();
        summary.forEach((k, v) -> rows.add(List.of(k, v)));
        return Table.of(method.toUpperCase(Locale.ROOT) + " run: " + out, List.of("", ""), rows);
    }

    @Override
    public String toHtml() {
        return "<div style=\"display:flex;gap:1em;align-items:flex-start\"><div>" + table().toHtml() + "</div>"
                + (curve == null ? "" : "<img alt=\"" + method + " curve\" width=\"520\" src=\"" + Html.pngDataUri(curve)
                        + "\">") + "</div>";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(method.toUpperCase(Locale.ROOT) + " run: " + out + "\n");
        summary.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-20s %s%n", k, v)));
        return sb.toString().stripTrailing();
    }

    private static BufferedImage read(Path png) {
        if (!Files.exists(png)) {
            return null;   // the runtime could not draw it (TrainingCurve.write)
        }
        try {
            BufferedImage image = ImageIO.read(png.toFile());
            if (image == null) {
                throw new IOException(png + ": not a PNG");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
