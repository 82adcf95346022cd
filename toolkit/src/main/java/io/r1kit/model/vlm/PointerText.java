package io.r1kit.model.vlm;

import io.r1kit.model.generate.TokenDecoder;
import io.r1kit.model.text.WordVocabulary;

import java.util.Arrays;

/**
 * The one translation between object pointer tokens and box text. With {@link VlmConfig#objectPointers()}
 * the model writes a box of an encoded object as {@code <obj>} P_i {@code </obj>}, P_i = id {@code V + i}
 * ({@link Vlm3d#forward}); every text a person sees keeps the paper's form {@code <obj>cx, cy, cz, w, h, l</obj>}
 * (3D-R1 §3.1), so before decoding each P_i is expanded into object i's six grid-number ids with the
 * separator between them ({@link #expand}), and training answers get the reverse ({@link #compress}).
 *
 * <pre>{@code
 * PointerText pt = PointerText.of(model.config());            // nano ids: <obj>, ",", </obj>
 * String text = tokenizer.decode(pt.expand(generated, features));
 * PointerText.Compressed c = pt.compress(answerIds, features); // runs of an encoded object's grid -> P_i
 * }</pre>
 *
 * @param config      the model's config (vocabulary size V and the grid numbers' ids)
 * @param openId      the id of {@code <obj>}
 * @param separatorId the id of {@code ,} between grid numbers
 * @param closeId     the id of {@code </obj>}
 */
public record PointerText(VlmConfig config, int openId, int separatorId, int closeId) {

    /** Ids in a box between {@code <obj>} and {@code </obj>}: six numbers and five separators. */
    static final int BOX_IDS = 11;

    /** Answer ids with pointers, and how many {@code <obj>} boxes became pointers and how many matched no object. */
    public record Compressed(int[] ids, int pointers, int unmatched) {
        public Compressed {
            ids = ids.clone();
        }

        @Override
        public int[] ids() {
            return ids.clone();
        }
    }

    /** The pointer text of a nano model: markers and separator at their fixed {@link WordVocabulary} ids. */
    public static PointerText of(VlmConfig config) {
        var fixed = WordVocabulary.fixedTokens();
        return new PointerText(config, fixed.indexOf("<obj>"), fixed.indexOf(","), fixed.indexOf("</obj>"));
    }

    /** The pointer id of encoded object {@code i}: {@code V + i}. */
    public int pointerId(int i) {
        return config.decoder().vocabSize() + i;
    }

    /**
     * {@code ids} with each pointer {@code V + i} replaced by object i's six grid-number ids and the
     * separators between them; other ids are kept. A pointer past the scene's objects is an error.
     */
    public int[] expand(int[] ids, SceneFeatures features) {
        int vocab = config.decoder().vocabSize();
        int[] out = new int[ids.length + (BOX_IDS - 1) * (int) Arrays.stream(ids).filter(t -> t >= vocab).count()];
        int k = 0;
        for (int id : ids) {
            if (id < vocab) {
                out[k++] = id;
                continue;
            }
            int i = id - vocab;
            if (i >= features.objects().size()) {
                throw new IllegalArgumentException("pointer id " + id + " names object " + i + " but "
                        + features.sceneId() + " has " + features.objects().size() + " encoded objects");
            }
            int[] grid = features.objects().get(i).grid();
            for (int g = 0; g < 6; g++) {
                if (g > 0) {
                    out[k++] = separatorId;
                }
                out[k++] = config.gridTokenId(grid[g]);
            }
        }
        return out;
    }

    /** A decoder that expands pointers of {@code features} ({@link #expand}) before {@code words} decodes. */
    public TokenDecoder decoder(TokenDecoder words, SceneFeatures features) {
        return ids -> words.decode(expand(ids, features));
    }

    /**
     * {@code ids} with each {@code <obj>} n , n , n , n , n , n {@code </obj>} run whose six numbers equal an
     * encoded object's {@link ObjectSample#grid()} written {@code <obj>} P_i {@code </obj>} (the first such
     * object when two share a grid); a box of no encoded object (e.g. past {@code max_objects}) stays as
     * numbers and is counted as unmatched.
     */
    public Compressed compress(int[] ids, SceneFeatures features) {
        int[] out = new int[ids.length];
        int k = 0;
        int pointers = 0;
        int unmatched = 0;
        for (int j = 0; j < ids.length; j++) {
            out[k++] = ids[j];
            if (ids[j] != openId) {
                continue;
            }
            int[] grid = box(ids, j + 1);
            if (grid == null) {
                continue;
            }
            int object = objectOf(grid, features);
            if (object < 0) {
                unmatched++;
                continue;
            }
            out[k++] = pointerId(object);
            j += BOX_IDS;                       // the numbers are now the pointer; </obj> is copied next
            pointers++;
        }
        return new Compressed(Arrays.copyOf(out, k), pointers, unmatched);
    }

    /** The six grid numbers of a well-formed box starting at {@code from} and closed by {@code </obj>}, else null. */
    private int[] box(int[] ids, int from) {
        if (from + BOX_IDS >= ids.length || ids[from + BOX_IDS] != closeId) {
            return null;
        }
        int[] grid = new int[6];
        for (int g = 0; g < 6; g++) {
            if (g > 0 && ids[from + 2 * g - 1] != separatorId) {
                return null;
            }
            grid[g] = config.gridValue(ids[from + 2 * g]);
            if (grid[g] < 0) {
                return null;
            }
        }
        return grid;
    }

    private static int objectOf(int[] grid, SceneFeatures features) {
        for (int i = 0; i < features.objects().size(); i++) {
            if (Arrays.equals(grid, features.objects().get(i).grid())) {
                return i;
            }
        }
        return -1;
    }
}
