package io.r1kit.reward;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence encoder for the semantic reward: text in, one vector out. {@link MiniLmEmbedder} is the
 * default (all-MiniLM-L6-v2, L2-normalised); tests and users may pass their own.
 *
 * <pre>{@code
 * TextEmbedder e = MiniLmEmbedder.shared();
 * TextEmbedder.cosine(e.embed("a brown chair"), e.embed("a chair that is brown"));   // close to 1
 * }</pre>
 */
@FunctionalInterface
public interface TextEmbedder {

    /** The embedding of {@code text}; every call with one embedder returns vectors of one length. */
    float[] embed(String text);

    /** The embeddings of {@code texts}, in order (one {@link #embed} per text unless an encoder batches). */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embed(t));
        }
        return out;
    }

    /**
     * The cosine similarity of two vectors of one length, in -1..1; 0 when either is all zeros (an
     * empty text has no direction, so it resembles nothing).
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of different lengths: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0.0 : dot / Math.sqrt(na * nb);
    }
}
