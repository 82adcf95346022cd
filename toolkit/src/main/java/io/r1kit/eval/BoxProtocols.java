package io.r1kit.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.r1kit.data.DataFormatException;
import io.r1kit.data.Nr3d;
import io.r1kit.data.Nr3dEntry;
import io.r1kit.scene.Box3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The box protocols (ScanRefer, Nr3D, Scan2Cap) of {@link Benchmark}. */
final class BoxProtocols {

    private BoxProtocols() {}

    static List<MetricScore> run(Benchmark b, Path predFile, Path gtFile, MeteorResources meteor) throws IOException {
        return switch (b) {
            case SCANREFER -> scanRefer(predFile, gtFile);
            case NR3D -> nr3d(predFile, gtFile);
            default -> scan2cap(predFile, gtFile, meteor);
        };
    }

    private static List<MetricScore> scanRefer(Path predFile, Path gtFile) throws IOException {
        JsonObject gt = EvalFiles.readObject(gtFile);
        JsonObject pred = EvalFiles.readObject(predFile);
        EvalFiles.checkSameIds(predFile, pred.keySet(), gtFile, gt.keySet());
        List<GroundingAccuracy.Sample> samples = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : gt.entrySet()) {
            String id = e.getKey();
            Box3 target = EvalFiles.box(gtFile, id, EvalFiles.field(gtFile, id, e.getValue(), "box"));
            JsonElement u = EvalFiles.field(gtFile, id, e.getValue(), "unique");
            if (!u.isJsonPrimitive() || !u.getAsJsonPrimitive().isBoolean()) {
                throw new DataFormatException(gtFile, "id \"" + id + "\": \"unique\" must be true or false");
            }
            samples.add(new GroundingAccuracy.Sample(EvalFiles.box(predFile, id, pred.get(id)), target, u.getAsBoolean()));
        }
        GroundingAccuracy acc = GroundingAccuracy.of(samples);
        List<MetricScore> out = new ArrayList<>();
        String[] names = {"unique", "multiple", "overall"};
        GroundingAccuracy.Split[] splits = {acc.unique(), acc.multiple(), acc.overall()};
        double[] ious = acc.ious();
        for (int s = 0; s < 3; s++) {
            for (double k : new double[] {0.25, 0.5}) {
                double[] hits = new double[ious.length];
                for (int i = 0; i < ious.length; i++) {
                    boolean inSplit = s == 2 || samples.get(i).unique() == (s == 0);
                    hits[i] = inSplit && ious[i] >= k ? 1 : 0;
                }
                out.add(new MetricScore("Acc@" + k + " " + names[s], k == 0.25 ? splits[s].at25() : splits[s].at50(), hits));
            }
        }
        return out;
    }

    private static List<MetricScore> nr3d(Path predFile, Path gtFile) throws IOException {
        List<Nr3dEntry> entries = Nr3d.read(gtFile);
        JsonObject pred = EvalFiles.readObject(predFile);
        Map<String, Nr3dEntry> byId = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byId.put(Integer.toString(i), entries.get(i));
        }
        EvalFiles.checkSameIds(predFile, pred.keySet(), gtFile, byId.keySet());
        String[] names = {"overall", "easy", "hard", "view-dependent", "view-independent"};
        double[][] hits = new double[names.length][entries.size()];
        int[] counts = new int[names.length];
        double[] correct = new double[names.length];
        int i = 0;
        for (Map.Entry<String, Nr3dEntry> e : byId.entrySet()) {
            JsonElement p = pred.get(e.getKey());
            if (!p.isJsonPrimitive() || !p.getAsJsonPrimitive().isNumber()) {
                throw new DataFormatException(predFile, "id \"" + e.getKey() + "\": expected an object id (a number)");
            }
            boolean ok = p.getAsInt() == e.getValue().targetId();
            boolean[] in = {true, !e.getValue().isHard(), e.getValue().isHard(), e.getValue().isViewDependent(),
                    !e.getValue().isViewDependent()};
            for (int s = 0; s < names.length; s++) {
                if (in[s]) {
                    counts[s]++;
                    correct[s] += ok ? 1 : 0;
                    hits[s][i] = ok ? 1 : 0;
                }
            }
            i++;
        }
        List<MetricScore> out = new ArrayList<>();
        for (int s = 0; s < names.length; s++) {
            out.add(new MetricScore("Acc " + names[s], counts[s] == 0 ? Double.NaN : correct[s] / counts[s], hits[s]));
        }
        return out;
    }

    private static List<MetricScore> scan2cap(Path predFile, Path gtFile, MeteorResources meteor) throws IOException {
        JsonObject gt = EvalFiles.readObject(gtFile);
        JsonObject pred = EvalFiles.readObject(predFile);
        EvalFiles.checkSameIds(predFile, pred.keySet(), gtFile, gt.keySet());
        Map<String, List<String>> captions = new LinkedHashMap<>();
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, Double> ious = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : gt.entrySet()) {
            String id = e.getKey();
            refs.put(id, EvalFiles.strings(gtFile, id, EvalFiles.field(gtFile, id, e.getValue(), "captions")));
            Box3 target = EvalFiles.box(gtFile, id, EvalFiles.field(gtFile, id, e.getValue(), "box"));
            JsonElement p = pred.get(id);
            JsonElement caption = EvalFiles.field(predFile, id, p, "caption");
            if (!caption.isJsonPrimitive() || !caption.getAsJsonPrimitive().isString()) {
                throw new DataFormatException(predFile, "id \"" + id + "\": \"caption\" must be a string");
            }
            captions.put(id, List.of(caption.getAsString()));
            ious.put(id, EvalFiles.box(predFile, id, EvalFiles.field(predFile, id, p, "box")).iou(target));
        }
        CaptionCorpus corpus;
        try {
            corpus = CaptionCorpus.of(captions, refs);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(gtFile, e.getMessage());
        }
        List<MetricScore> out = new ArrayList<>(Scan2CapScores.score(corpus, ious, 0.25, meteor));
        out.addAll(Scan2CapScores.score(corpus, ious, 0.5, meteor));
        return out;
    }
}
