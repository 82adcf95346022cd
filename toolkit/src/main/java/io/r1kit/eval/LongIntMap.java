package io.r1kit.eval;

/**
 * A long-to-int hash map with open addressing, for n-gram ids: the scorers look n-grams up
 * millions of times, and boxed {@code HashMap<Long, Integer>} lookups dominated their run time.
 */
final class LongIntMap {

    private static final long EMPTY = 0L;

    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int size;

    int size() {
        return size;
    }

    /** The value of {@code key}, adding {@code size()} as its value when absent. */
    int getOrAddNext(long key) {
        // Key 0 marks an empty slot, so keys are stored plus one (n-gram keys are never negative).
        long k = key + 1;
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == k) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
