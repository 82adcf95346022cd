package io.r1kit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.Provenance;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.vlm.CheckpointAverage;
import io.r1kit.model.vlm.NanoModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit model average --out DIR [--weights W,W...] [--dtype F32|F16] MODEL MODEL...}: the element-wise mean
 * of several nano checkpoints of one architecture and vocabulary, written as one checkpoint
 * ({@link CheckpointAverage}); for instance the runs of one recipe with different seeds. With weights summing to 1
 * it is their weighted sum: {@code --weights 1,1,-1 a b start} adds both fine-tunes' changes to their start.
 */
@Command(name = "average", mixinStandardHelpOptions = true,
        description = "Average the weights of nano checkpoints of one architecture (e.g. one recipe's seeds) into "
                + "one checkpoint.")
final class ModelAverageCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "MODEL", description = "shipped names (sft, r1) or checkpoint folders")
    List<String> models;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the averaged checkpoint's folder")
    Path out;

    @Option(names = "--weights", paramLabel = "W,W...",
            description = "one weight per model, summing to 1, negative ones allowed (default: all alike); e.g. "
                    + "1,1,-1 over A B START adds A's and B's changes from START")
    String weights;

    @Option(names = "--dtype", paramLabel = "F32|F16",
            description = "stored weights (default: F16 when every model is stored so, else F32)")
    String dtype;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        Dtype stored = null;
        if (dtype != null) {
            stored = switch (dtype.toUpperCase(Locale.ROOT)) {
                case "F32", "FLOAT32" -> Dtype.F32;
                case "F16", "FLOAT16" -> Dtype.F16;
                default -> throw new IllegalArgumentException("--dtype is F32 or F16, not '" + dtype + "'");
            };
        }
        List<Path> dirs = new ArrayList<>();
        for (String m : models) {
            dirs.add(NanoModel.resolve(m));
        }
        double[] w = weights == null ? null : parse(weights);
        CheckpointAverage.write(dirs, w, out, stored);
        Provenance p = Provenance.read(out);
        String weighted = w == null ? "" : "weights " + java.util.Arrays.stream(w)
                .mapToObj(ModelAverageCommand::number).collect(java.util.stream.Collectors.joining(", ")) + "; ";
        output.print(() -> String.format(Locale.ROOT, "averaged %d models into %s (%s%,d parameters, stored as %s)",
                dirs.size(), out, weighted, p.get("parameters").getAsLong(), p.get("dtype").getAsString()), () -> {
                    JsonObject o = new JsonObject();
                    o.addProperty("out", out.toString());
                    JsonArray a = new JsonArray();
                    models.forEach(a::add);
                    o.add("models", a);
                    if (w != null) {
                        JsonArray ws = new JsonArray();
                        for (double x : w) {
                            ws.add(x);
                        }
                        o.add("weights", ws);
                    }
                    o.add("parameters", p.get("parameters"));
                    o.add("dtype", p.get("dtype"));
                    return JsonOutput.pretty(o);
                });
        return 0;
    }

    /** The weights typed, comma-separated numbers. */
    private static double[] parse(String text) {
        String[] parts = text.split(",", -1);
        double[] w = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--weights takes numbers separated by commas (e.g. 1,1,-1), not '"
                        + text + "'");
            }
        }
        return w;
    }

    /** A weight as typed: 1 rather than 1.0. */
    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
