package io.r1kit.model.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.lm.Qwen2Model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static ai.djl.nn.Activation.relu;

/**
 * Turns {@link SceneFeatures} into the decoder's prefix (DESIGN "Object-centric scene tokens";
 * 3D-R1 §3 feeds detector object queries to the decoder in the same place).
 *
 * <p>Per object: a shared PointNet (per-point MLP 6 -> W1 -> W2, ReLU, max pool over the points)
 * concatenated with the normalised box and colour statistics, then an MLP to the decoder width:
 * the <em>feature token</em>. Then six <em>box tokens</em>, token k being the decoder's own
 * embedding of the object's k-th grid number plus a learned slot embedding for coordinate k. With
 * tied input/output embeddings a box token already scores its own number at the LM head, so
 * grounding reduces to "attend to the right object's box token k and copy it" (DESIGN: "pick the
 * right object, copy its box"); the slot embedding tells the six coordinates apart. With
 * {@link VlmConfig#objectPointers()} the feature token is also the object's pointer entry, so the
 * "pick" is one token ({@link Vlm3d#pointerEntries}). One global token (room extent and object count)
 * comes first.
 *
 * <p>Parameters are plain NDArrays named {@code scene_encoder.*} (the decoder's style, not DJL
 * {@code Block}s), collected by a {@code GradientCollector} when trainable.
 *
 * <p>Legend: N objects, P points per object, W1/W2 PointNet widths, F = W2 + 12 object input,
 * W3 object MLP width, C decoder width, S = 1 + 7N scene tokens.
 */
public final class ObjectEncoder {

    /** Tokens per object: one feature token and six box tokens. */
    public static final int TOKENS_PER_OBJECT = 7;
    /** Inputs per point: xyz in the box frame and rgb. */
    static final int POINT_INPUTS = 6;
    /** Box (6) and colour statistics (6) appended to the pooled point features. */
    static final int OBJECT_EXTRAS = 12;
    /** Prefix of every encoder tensor name. */
    public static final String PREFIX = "scene_encoder.";

    private final VlmConfig config;
    private final Map<String, NDArray> parameters;
    private final Dense point1;
    private final Dense point2;
    private final Dense object1;
    private final Dense object2;
    private final Dense global;
    private final NDArray boxSlots; // [6, C]

    private ObjectEncoder(VlmConfig config, Map<String, NDArray> parameters) {
        this.config = config;
        this.parameters = java.util.Collections.unmodifiableMap(parameters);
        this.point1 = dense(parameters, "point_mlp.0");
        this.point2 = dense(parameters, "point_mlp.1");
        this.object1 = dense(parameters, "object_mlp.0");
        this.object2 = dense(parameters, "object_mlp.1");
        this.global = dense(parameters, "global");
        this.boxSlots = parameters.get(PREFIX + "box_slots");
    }

    /** Every tensor of the encoder of {@code c}: name and shape, in checkpoint order. */
    public static Map<String, long[]> shapes(VlmConfig c) {
        long w = c.decoder().hiddenSize();
        Map<String, long[]> out = new LinkedHashMap<>();
        denseShape(out, "point_mlp.0", POINT_INPUTS, c.pointWidth());
        denseShape(out, "point_mlp.1", c.pointWidth(), c.pointFeatures());
        denseShape(out, "object_mlp.0", c.pointFeatures() + OBJECT_EXTRAS, c.objectWidth());
        denseShape(out, "object_mlp.1", c.objectWidth(), w);
        denseShape(out, "global", SceneFeatures.GLOBAL_FEATURES, w);
        out.put(PREFIX + "box_slots", new long[] {6, w});
        return out;
    }

    /**
     * A random encoder: He-normal weights before each ReLU, normal(0, 0.02) for the layers that
     * write into the decoder's stream (as the decoder's own embeddings), zero biases.
     */
    static ObjectEncoder initialize(VlmConfig c, long seed, NDManager manager) {
        Random random = new Random(seed);
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : shapes(c).entrySet()) {
            long[] s = e.getValue();
            float[] data = new float[Math.toIntExact(new Shape(s).size())];
            if (!e.getKey().endsWith(".bias")) {
                boolean toDecoder = e.getKey().contains("object_mlp.1") || e.getKey().contains("global")
                        || e.getKey().contains("box_slots");
                double std = toDecoder ? 0.02 : Math.sqrt(2.0 / s[0]);
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (random.nextGaussian() * std);
                }
            }
            tensors.put(e.getKey(), new FloatTensor(s, data));
        }
        return fromTensors(c, tensors, manager);
    }

    /** An encoder over {@code tensors} (named and shaped as {@link #shapes}), its parameters in {@code manager}. */
    static ObjectEncoder fromTensors(VlmConfig c, Map<String, FloatTensor> tensors, NDManager manager) {
        Map<String, NDArray> params = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : shapes(c).entrySet()) {
            NDArray a = manager.create(tensors.get(e.getKey()).data(), new Shape(e.getValue()));
            a.setName(e.getKey());
            params.put(e.getKey(), a);
        }
        return new ObjectEncoder(c, params);
    }

    /** The parameters by checkpoint name ({@code scene_encoder.*}); weights are [in, out]. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** The parameters as float32 tensors, for a checkpoint. */
    Map<String, FloatTensor> tensors() {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        parameters.forEach((name, a) -> out.put(name, new FloatTensor(a.getShape().getShape(), a.toFloatArray())));
        return out;
    }

    /**
     * The scene tokens {@code [S, C]} of one scene, S = 1 + 7N: the global token, then per object
     * its feature token and its six box tokens. Allocated in {@code scope}.
     *
     * @param decoder supplies the embeddings of the grid numbers
     */
    public NDArray encode(SceneFeatures features, Qwen2Model decoder, NDManager scope) {
        int c = config.decoder().hiddenSize();
        NDArray globalToken = global.forward(scope.create(features.global(), new Shape(1, SceneFeatures.GLOBAL_FEATURES)));          // [1, C]
        List<ObjectSample> objects = features.objects();
        int n = objects.size();
        if (n == 0) {
            return globalToken;
        }
        int p = config.pointsPerObject();
        float[] points = new float[n * p * POINT_INPUTS];
        float[] extras = new float[n * OBJECT_EXTRAS];
        float[] hasPoints = new float[n];
        long[] grid = new long[n * 6];
        for (int i = 0; i < n; i++) {
            ObjectSample o = objects.get(i);
            System.arraycopy(o.points(), 0, points, i * p * POINT_INPUTS, p * POINT_INPUTS);
            System.arraycopy(o.box(), 0, extras, i * OBJECT_EXTRAS, 6);
            System.arraycopy(o.colour(), 0, extras, i * OBJECT_EXTRAS + 6, 6);
            hasPoints[i] = o.pointCount() > 0 ? 1f : 0f;
            int[] g = o.grid();
            for (int k = 0; k < 6; k++) {
                grid[i * 6 + k] = config.gridTokenId(g[k]);
            }
        }
        NDArray x = scope.create(points, new Shape(n, p, POINT_INPUTS));                               // [N, P, 6]
        NDArray h = relu(point2.forward(relu(point1.forward(x)))); // [N, P, W2]
        // max pool over points (PointNet's symmetric function); an object without points pools to zeros
        NDArray pooled = h.max(new int[] {1}).mul(scope.create(hasPoints, new Shape(n, 1)));           // [N, W2]
        NDArray in = pooled.concat(scope.create(extras, new Shape(n, OBJECT_EXTRAS)), 1);              // [N, F]
        NDArray feature = object2.forward(relu(object1.forward(in)));            // [N, C]
        NDArray boxes = decoder.embed(scope.create(grid, new Shape(n, 6))).add(boxSlots);              // [N, 6, C]
        NDArray perObject = feature.reshape(n, 1, c).concat(boxes, 1).reshape(n * TOKENS_PER_OBJECT, c); // [7N, C]
        return NDArrays.concat(new NDList(globalToken, perObject), 0);                                 // [S, C]
    }

    private static Dense dense(Map<String, NDArray> params, String name) {
        return new Dense(PREFIX + name, params.get(PREFIX + name + ".weight"), params.get(PREFIX + name + ".bias"));
    }

    private static void denseShape(Map<String, long[]> out, String name, long in, long outDim) {
        out.put(PREFIX + name + ".weight", new long[] {in, outDim});
        out.put(PREFIX + name + ".bias", new long[] {outDim});
    }
}
