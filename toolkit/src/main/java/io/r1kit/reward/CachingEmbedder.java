package io.r1kit.reward;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An embedder that remembers the last {@code capacity} texts it embedded (least recently used
 * dropped first). GRPO scores a group of N outputs against one reference, so the reference is
 * embedded once rather than N times; repeated outputs (greedy duplicates) are also cheap.
 * Thread-safe; the returned arrays are copies, so a caller cannot spoil the cache.
 *
 * <pre>{@code
 * TextEmbedder e = new CachingEmbedder(MiniLmEmbedder.shared(), 256);
 * }</pre>
 */
public final class CachingEmbedder implements TextEmbedder {

    private final TextEmbedder inner;
    private final int capacity;
    private final Map<String, float[]> cache;

    /**
     * @param inner    the encoder that computes embeddings the cache does not hold
     * @param capacity how many texts to remember, at least 1
     */
    public CachingEmbedder(TextEmbedder inner, int capacity) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (capacity < 1) {
            throw new IllegalArgumentException("an embedding cache holds at least 1 text, got capacity " + capacity);
        }
        this.capacity = capacity;
        // Access order makes this an LRU map; removeEldestEntry bounds it.
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > CachingEmbedder.this.capacity;
            }
        };
    }

    @Override
    public float[] embed(String text) {
        synchronized (cache) {
            float[] hit = cache.get(text);
            if (hit != null) {
                return hit.clone();
            }
        }
        // Encode outside the lock: two threads may embed one new text at once, which costs time, not correctness.
        float[] v = inner.embed(text);
        synchronized (cache) {
            cache.put(text, v.clone());
        }
        return v;
    }

    /** How many texts the cache holds now. */
    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }

    public int capacity() {
        return capacity;
    }
}
