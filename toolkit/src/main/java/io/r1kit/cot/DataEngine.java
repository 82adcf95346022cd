package io.r1kit.cot;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.Version;
import io.r1kit.cot.filter.Candidate;
import io.r1kit.cot.filter.CotFilter;
import io.r1kit.cot.filter.FilterConfig;
import io.r1kit.cot.filter.Reanswerer;
import io.r1kit.cot.filter.Rules;
import io.r1kit.cot.tasks.DenseCaptions;
import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.cot.tasks.Phrasing;
import io.r1kit.cot.tasks.QuestionType;
import io.r1kit.cot.tasks.SceneDescriber;
import io.r1kit.data.SceneCaption;
import io.r1kit.data.SceneCaptions;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The data engine of 3D-R1 (Sec. 3.1, Algorithm 1) over generated rooms: for each scene, the
 * instruction examples of the seven tasks, scene descriptions, a CoT reply from the back end per
 * example of every task (dense captioning: one reply captioning the whole room, {@link DenseCaptions#room}),
 * and the filters' verdicts.
 *
 * <pre>{@code
 * DataEngine engine = new DataEngine(new SceneGenerator(), new GraphCotWriter(7), FilterConfig.defaults(), Reanswerer.CONCLUSION);
 * DataEngine.SceneData d = engine.scene(3);
 * d.records().get(0).cot();          // "<think>Step 1: ...</think><answer>...</answer>"
 * engine.generate(20, 7, Path.of("out/cot"), (done, total, id) -> {});
 * }</pre>
 */
public final class DataEngine {

    private static final Set<QuestionType> SHORT = Set.of(QuestionType.COUNT, QuestionType.COLOUR, QuestionType.EXISTENCE);

    /** Told after each scene. */
    @FunctionalInterface
    public interface Progress {
        void sceneDone(int done, int total, String sceneId);
    }

    /** Everything the engine made for one scene. */
    public record SceneData(GeneratedRoom room, List<Example> examples, List<String> captions, List<CotRecord> records) {}

    private final SceneGenerator generator;
    private final CotBackend backend;
    private final FilterConfig filterConfig;
    private final List<CotFilter> filters;

    public DataEngine(SceneGenerator generator, CotBackend backend, FilterConfig filters, Reanswerer reanswerer) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.filterConfig = Objects.requireNonNull(filters, "filters");
        this.filters = Rules.standard(filters, reanswerer);
    }

    /**
     * The engine of {@code r1kit cot generate}: rooms of the default generator, CoT written from the scene graph
     * ({@link GraphCotWriter}) with {@code seed}, the default filters, answers re-checked from the conclusion.
     */
    public static DataEngine standard(long seed) {
        return new DataEngine(new SceneGenerator(), new GraphCotWriter(seed), FilterConfig.defaults(), Reanswerer.CONCLUSION);
    }

    /** The records file of {@code split} that {@link #generate} writes into {@code out}: {@code scene30k_SPLIT.jsonl}. */
    public static Path recordsFile(Path out, Split split) {
        return out.resolve("scene30k_" + split.slug() + ".jsonl");
    }

    /** The filters in use. */
    public List<CotFilter> filters() {
        return filters;
    }

    /** The data of the scene generated from {@code sceneSeed}. */
    public SceneData scene(long sceneSeed) throws IOException {
        return scene(generator.generate(sceneSeed), sceneSeed);
    }

    /** The data of {@code room}, its examples phrased with {@code sceneSeed} (the seed it was generated from). */
    public SceneData scene(GeneratedRoom room, long sceneSeed) throws IOException {
        List<Example> examples = InstructionGenerator.generate(room, sceneSeed);
        List<String> captions = SceneDescriber.all(room.graph(), new Phrasing(~sceneSeed));
        String description = captions.get(captions.size() - 1);
        List<CotRecord> records = new ArrayList<>();
        for (Example e : examples) {
            if (e.task() != Task.DENSE_CAPTION) {
                records.add(record(e, room.graph(), description));
            }
        }
        // dense captioning reasons over the whole room: one record of every object, after the other tasks
        records.add(record(DenseCaptions.room(InstructionGenerator.context(room, sceneSeed), Integer.MAX_VALUE),
                room.graph(), description));
        return new SceneData(room, examples, captions, records);
    }

    /** The CoT record of one example, with verdicts. */
    public CotRecord record(Example e, SceneGraph g, String description) throws IOException {
        CotRequest req = new CotRequest(e, g, description);
        String cot = backend.write(req);
        boolean isShort = e.task() == Task.QA && SHORT.contains(e.type());
        CotRecord r = new CotRecord(e.sceneId(), e.task(), e.type(), req.question(), cot, req.target(), e.targets(),
                isShort, List.of());
        return r.withVerdicts(Rules.apply(filters, new Candidate(cot, r.target(), isShort)));
    }

    /** Re-judges records with this engine's filters (for {@code r1kit cot filter}). */
    public List<CotRecord> refilter(List<CotRecord> records) {
        return records.stream().map(r -> r.withVerdicts(Rules.apply(filters, new Candidate(r.cot(), r.target(),
                r.shortAnswer())))).toList();
    }

    /**
     * Generates scenes {@code seed, seed+1, ..., seed+scenes-1} into {@code out}: per split the
     * instruction files ({@link InstructionFiles}) and {@code scene30k_SPLIT.jsonl} (every record with
     * its verdicts), plus {@code scene_caption.json} and {@code engine.json} (provenance and counts).
     *
     * @return the counts written, as in {@code engine.json}
     */
    public JsonObject generate(int scenes, long seed, Path out, Progress progress) throws IOException {
        if (scenes < 1) {
            throw new IllegalArgumentException("--scenes must be at least 1, got " + scenes);
        }
        Files.createDirectories(out);
        Map<Split, List<Example>> examples = new EnumMap<>(Split.class);
        Map<Split, List<CotRecord>> records = new EnumMap<>(Split.class);
        Map<String, SceneGraph> graphs = new LinkedHashMap<>();
        List<SceneCaption> captions = new ArrayList<>();
        for (Split s : Split.values()) {
            examples.put(s, new ArrayList<>());
            records.put(s, new ArrayList<>());
        }
        for (int i = 0; i < scenes; i++) {
            SceneData d = scene(seed + i);
            String id = d.room().scene().id();
            Split split = Split.of(id, seed);
            graphs.put(id, d.room().graph());
            examples.get(split).addAll(d.examples());
            records.get(split).addAll(d.records());
            captions.add(new SceneCaption(id, d.captions()));
            progress.sceneDone(i + 1, scenes, id);
        }
        JsonObject counts = new JsonObject();
        for (Split s : Split.values()) {
            if (!examples.get(s).isEmpty()) { // a split without scenes gets no files (readers reject empty ones)
                InstructionFiles.write(out, s, examples.get(s), graphs);
                CotRecords.write(recordsFile(out, s), records.get(s));
            }
            JsonObject c = new JsonObject();
            c.addProperty("scenes", examples.get(s).stream().map(Example::sceneId).distinct().count());
            c.addProperty("examples", examples.get(s).size());
            c.addProperty("cot_records", records.get(s).size());
            c.addProperty("cot_passed", records.get(s).stream().filter(CotRecord::passed).count());
            counts.add(s.slug(), c);
        }
        SceneCaptions.write(out.resolve("scene_caption.json"), captions);
        JsonObject engine = new JsonObject();
        engine.addProperty("toolkit", Version.get());
        engine.addProperty("seed", seed);
        engine.addProperty("scenes", scenes);
        engine.addProperty("backend", backend.name());
        engine.add("generator", JsonParser.parseString(generator.config().toJson()));
        engine.add("filters", JsonParser.parseString(filterConfig.toJson()));
        engine.add("splits", counts);
        Files.writeString(out.resolve("engine.json"), new GsonBuilder().setPrettyPrinting().create().toJson(engine) + "\n",
                StandardCharsets.UTF_8);
        return engine;
    }
}
