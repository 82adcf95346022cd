package io.r1kit.train.sft;

import io.r1kit.cot.CotRecord;
import io.r1kit.cot.DataEngine;
import io.r1kit.cot.GraphCotWriter;
import io.r1kit.cot.filter.FilterConfig;
import io.r1kit.cot.filter.Reanswerer;
import io.r1kit.cot.tasks.Example;
import io.r1kit.scene.gen.SceneGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts the nano model reads and writes, from the data engine over generated rooms: per example
 * its question, answer and full answer (all seven tasks), the scene descriptions, and each CoT reply
 * ({@code <think>...</think><answer>...</answer>}). The same rooms and seed give the same texts.
 *
 * <pre>{@code
 * List<String> texts = EngineCorpus.texts(20, 0, (done, total, id) -> {});   // rooms 0..19
 * }</pre>
 */
public final class EngineCorpus {

    private EngineCorpus() {}

    /** Texts of rooms {@code seed, seed+1, ..., seed+rooms-1}, with the data engine's default generator and CoT writer. */
    public static List<String> texts(int rooms, long seed, DataEngine.Progress progress) throws IOException {
        if (rooms < 1) {
            throw new IllegalArgumentException("--rooms must be at least 1, got " + rooms);
        }
        DataEngine engine = new DataEngine(new SceneGenerator(), new GraphCotWriter(seed), FilterConfig.defaults(),
                Reanswerer.CONCLUSION);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rooms; i++) {
            DataEngine.SceneData d = engine.scene(seed + i);
            for (Example e : d.examples()) {
                out.add(e.question());
                out.add(e.answer());
                out.add(e.fullAnswer());
            }
            out.addAll(d.captions());
            for (CotRecord r : d.records()) {
                out.add(r.cot());
            }
            progress.sceneDone(i + 1, rooms, d.room().scene().id());
        }
        return out;
    }
}
