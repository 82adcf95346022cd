package io.r1kit.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The task protocols of {@code r1kit eval --benchmark}. Each reads a prediction file and a ground-truth
 * file (formats below; ids must match, see {@link EvalFiles}) and returns the protocol's metrics.
 *
 * <table>
 * <caption>inputs</caption>
 * <tr><th>benchmark</th><th>prediction</th><th>ground truth</th><th>metrics</th></tr>
 * <tr><td>scanqa</td><td>{@code {question_id: [answer, ...]}} (first = top-1)</td>
 *     <td>ScanQA JSON</td><td>EM@1, EM-R, BLEU-1..4, ROUGE-L, METEOR, CIDEr</td></tr>
 * <tr><td>sqa3d</td><td>{@code {question_id: [answer]}}</td><td>SQA3D annotations JSON</td>
 *     <td>EM@1, EM-R</td></tr>
 * <tr><td>3dllm</td><td>{@code {record index: [answer]}}</td><td>3D-LLM JSON</td>
 *     <td>BLEU-1..4, CIDEr, METEOR, ROUGE-L, EM@1, EM-R</td></tr>
 * <tr><td>scanrefer</td><td>{@code {id: [cx,cy,cz,dx,dy,dz]}}</td>
 *     <td>{@code {id: {"box": [...], "unique": bool}}}</td><td>Acc@0.25/0.5 unique, multiple, overall</td></tr>
 * <tr><td>nr3d</td><td>{@code {record index: object id}}</td><td>Nr3D csv</td>
 *     <td>accuracy overall, easy, hard, view-dependent, view-independent</td></tr>
 * <tr><td>scan2cap</td><td>{@code {id: {"caption": text, "box": [...]}}}</td>
 *     <td>{@code {id: {"captions": [...], "box": [...]}}}</td><td>CIDEr, BLEU-4, METEOR, ROUGE-L @0.25, @0.5</td></tr>
 * </table>
 */
public enum Benchmark {
    SCANREFER, SCANQA, SQA3D, NR3D, SCAN2CAP, THREEDLLM;

    /** The benchmark's command-line name ({@code 3dllm} for {@link #THREEDLLM}). */
    public String cliName() {
        return this == THREEDLLM ? "3dllm" : name().toLowerCase(Locale.ROOT);
    }

    /** The benchmark called {@code name} on the command line. */
    public static Benchmark parse(String name) {
        for (Benchmark b : values()) {
            if (b.cliName().equalsIgnoreCase(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown benchmark \"" + name
                + "\": use one of scanrefer, scanqa, sqa3d, nr3d, scan2cap, 3dllm");
    }

    /** Runs the protocol on the two files; the scores come in the order of the table above. */
    public List<MetricScore> run(Path predictions, Path groundTruth) throws IOException {
        return run(predictions, groundTruth, MeteorResources.defaults());
    }

    /** {@link #run(Path, Path)} with the given METEOR data. */
    public List<MetricScore> run(Path predictions, Path groundTruth, MeteorResources meteor) throws IOException {
        return switch (this) {
            case SCANQA, SQA3D, THREEDLLM -> QaProtocols.run(this, predictions, groundTruth, meteor);
            case SCANREFER, NR3D, SCAN2CAP -> BoxProtocols.run(this, predictions, groundTruth, meteor);
        };
    }
}
