package io.r1kit.reward;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test encoder: counts of words hashed into 64 bins, so equal word multisets embed alike and
 * texts with no common word are orthogonal (barring a hash collision, which the tests avoid); it
 * counts its calls so a test can see the cache at work.
 */
final class WordEmbedder implements TextEmbedder {

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public float[] embed(String text) {
        calls.incrementAndGet();
        float[] v = new float[64];
        for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!w.isEmpty()) {
                v[Math.floorMod(w.hashCode(), 64)] += 1;
            }
        }
        return v;
    }
}
