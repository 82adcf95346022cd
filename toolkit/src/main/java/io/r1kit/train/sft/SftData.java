package io.r1kit.train.sft;

import io.r1kit.cot.CotRecord;
import io.r1kit.cot.DataEngine;
import io.r1kit.cot.GraphCotWriter;
import io.r1kit.cot.filter.Reanswerer;
import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.cot.tasks.Locator;
import io.r1kit.cot.tasks.Phrasing;
import io.r1kit.cot.tasks.Queries;
import io.r1kit.cot.tasks.SceneContext;
import io.r1kit.cot.tasks.SceneDescriber;
import io.r1kit.model.text.VocabularyConfig;
import io.r1kit.model.text.WordVocabulary;
import io.r1kit.model.vlm.PointerText;
import io.r1kit.model.vlm.SceneFeatures;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.Task;
import io.r1kit.task.TaskPrompt;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.TrainingRooms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The supervised examples of a recipe: generated rooms (regenerated from their seeds, never stored), the
 * data engine's examples of the chosen tasks ({@link TrainingRooms#examples}: dense captioning is one
 * example of the whole room), each asked as its task asks it ({@link Queries}, in the prompt format of
 * {@link TaskPrompt}) and answered in the recipe's {@link AnswerFormat}: the reasoning format of the cold
 * start (the compact CoT record of {@link GraphCotWriter#compact}, kept only when it passes the recipe's
 * {@code cot_filters}) or the plain answer. The target then {@code <|im_end|>} is all the loss sees. With
 * {@code object_pointers} each box of an encoded object in the target becomes that object's pointer token
 * ({@link PointerText#compress}). Examples longer than {@code max_tokens} (prompt and target as the model
 * reads them, pointers counted as one token) are dropped and counted.
 *
 * <pre>{@code
 * SftData train = SftData.training(config, TrainProgress.none());      // builds the vocabulary too
 * SftData heldOut = SftData.of(config.heldOutRooms(), config.heldOutSeed(), config, train.vocabulary(), progress);
 * }</pre>
 *
 * @param vocabulary the word vocabulary the ids come from
 * @param examples   examples that fit, in room then engine order
 * @param dropped    examples longer than {@code max_tokens}
 * @param sha256     hash of the kept examples' prompt and target texts (each as UTF-8 then a NUL byte), in hex
 * @param pointers   target boxes written as an object's pointer token ({@link PointerText#compress}; recipes
 *                   with {@code object_pointers})
 * @param unmatched  target boxes that equal no encoded object's grid (kept as numbers), e.g. objects past
 *                   {@code max_objects}
 * @param filtered   examples whose CoT record failed the recipe's filters (reasoning format only)
 */
public record SftData(WordVocabulary vocabulary, List<VlmExample> examples, int dropped, String sha256, int pointers,
                      int unmatched, int filtered) {

    public SftData {
        examples = List.copyOf(examples);
    }

    /** One example as text: its task, the prompt and the target (reply) the model learns to write. */
    record Text(Task task, String prompt, String target) {}

    /** One room's inputs: its features, each encoded object's colour word, and its examples as text. */
    private record Room(SceneFeatures features, List<String> colours, List<String> places, List<Text> texts, int filtered) {}

    /**
     * The training rooms' examples; the vocabulary is built from their prompts and targets, reasoning
     * included ({@link WordVocabulary#build}, words seen at least {@code min_word_count} times).
     */
    public static SftData training(SftConfig config, TrainProgress progress) {
        List<Room> rooms = rooms(config.trainRooms(), config.trainSeed(), config, "training rooms", progress);
        List<String> texts = new ArrayList<>();
        for (Room r : rooms) {
            for (Text t : r.texts()) {
                texts.add(t.prompt());
                texts.add(t.target());
            }
        }
        WordVocabulary vocabulary = WordVocabulary.build(texts,
                VocabularyConfig.defaults().withMinCount(config.minWordCount()));
        return encode(rooms, vocabulary, config, true);
    }

    /** The training rooms' examples encoded with a given vocabulary (a run that continues from a checkpoint). */
    public static SftData training(SftConfig config, WordVocabulary vocabulary, TrainProgress progress) {
        return encode(rooms(config.trainRooms(), config.trainSeed(), config, "training rooms", progress), vocabulary,
                config, true);
    }

    /** The examples of rooms {@code seed .. seed + count - 1} with a given vocabulary (held-out data). */
    public static SftData of(int count, long seed, SftConfig config, WordVocabulary vocabulary, TrainProgress progress) {
        return encode(rooms(count, seed, config, "held-out rooms", progress), vocabulary, config, false);
    }

    /**
     * The texts of one room's examples for {@code config}: prompt and target of each, in engine order; with the
     * reasoning format, examples whose CoT record fails the filters are left out.
     *
     * @return the texts, and how many examples the filters left out
     */
    static List<Text> texts(GeneratedRoom room, long seed, SftConfig config, int[] filtered) {
        SceneContext c = InstructionGenerator.context(room, seed);
        List<Example> examples = TrainingRooms.examples(room, seed, config.tasks(), config.maxObjects());
        List<CotRecord> records = config.answerFormat() == AnswerFormat.REASONING ? records(room, seed, config, examples)
                : null;
        List<Text> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            String prompt = Queries.of(examples.get(i), c).prompt();
            if (records == null) {
                out.add(new Text(examples.get(i).task(), prompt, examples.get(i).answer()));
            } else if (records.get(i).passed()) {
                out.add(new Text(examples.get(i).task(), prompt, records.get(i).cot()));
            } else {
                filtered[0]++;
            }
        }
        return out;
    }

    /**
     * The reasoning record the recipe's writer and filters make of each of the room's training examples
     * ({@link TrainingRooms#examples}, in that order), passed or not: what a {@code "reasoning"} recipe trains on.
     */
    public static List<CotRecord> records(GeneratedRoom room, long seed, SftConfig config) {
        return records(room, seed, config, TrainingRooms.examples(room, seed, config.tasks(), config.maxObjects()));
    }

    private static List<CotRecord> records(GeneratedRoom room, long seed, SftConfig config, List<Example> examples) {
        SceneContext c = InstructionGenerator.context(room, seed);
        GraphCotWriter writer = GraphCotWriter.compact(seed, config.reasoningSteps());
        DataEngine engine = new DataEngine(new SceneGenerator(), !config.reasoningBoxes() ? writer
                : config.reasoningLooks() ? writer.withLookSteps(c.codec()) : writer.withBoxes(c.codec()),
                config.cotFilters(), Reanswerer.CONCLUSION);
        String description = SceneDescriber.all(room.graph(), new Phrasing(~seed)).get(0);
        List<CotRecord> out = new ArrayList<>(examples.size());
        for (Example e : examples) {
            try {
                out.add(engine.record(e, room.graph(), description));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);   // the graph writer reads and writes nothing
            }
        }
        return out;
    }

    private static List<Room> rooms(int count, long seed, SftConfig config, String phase, TrainProgress progress) {
        // features depend on max_objects, points_per_object and the seed only, not on the vocabulary
        VlmConfig features = config.vlmConfig(WordVocabulary.FIXED_SIZE);
        List<Room> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GeneratedRoom room = TrainingRooms.room(seed + i);
            int[] filtered = new int[1];
            List<Text> texts = texts(room, seed + i, config, filtered);
            SceneFeatures f = SceneFeatures.extract(room.scene(), features);
            List<String> colours = f.objects().stream().map(o -> room.graph().object(o.objectId())
                    .map(g -> g.colour().word()).orElse("")).toList();
            List<String> places = !config.objectPlaces() ? List.of() : f.objects().stream().map(o -> room.graph()
                    .object(o.objectId()).map(Locator::placeWord).orElse("")).toList();
            out.add(new Room(f, colours, places, texts, filtered[0]));
            progress.rooms(phase, i + 1, count);
        }
        return out;
    }

    /** With {@code training}, each example is in the result as many times as {@code task_repeats} says (once in the hash). */
    private static SftData encode(List<Room> rooms, WordVocabulary vocabulary, SftConfig config, boolean training) {
        MessageDigest sha = newDigest();
        List<VlmExample> kept = new ArrayList<>();
        int dropped = 0;
        int pointers = 0;
        int unmatched = 0;
        int filtered = 0;
        PointerText pointerText = config.objectPointers() ? PointerText.of(config.vlmConfig(vocabulary.size())) : null;
        for (Room r : rooms) {
            filtered += r.filtered();
            int[] names = objectNames(vocabulary, r.features());
            int[] colours = ids(vocabulary, r.colours());
            int[] places = ids(vocabulary, r.places());
            for (Text t : r.texts()) {
                int[] prompt = vocabulary.ids(t.prompt());
                int[] answer = vocabulary.ids(TaskPrompt.answer(t.target()));
                PointerText.Compressed c = pointerText == null ? new PointerText.Compressed(answer, 0, 0)
                        : pointerText.compress(answer, r.features());
                if (prompt.length + c.ids().length > config.maxTokens()) {
                    dropped++;
                    continue;
                }
                sha.update(t.prompt().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(TaskPrompt.answer(t.target()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                pointers += c.pointers();
                unmatched += c.unmatched();
                VlmExample e = new VlmExample(r.features(), prompt, c.ids(), names, colours, places);
                for (int k = training ? config.repeats(t.task()) : 1; k > 0; k--) {
                    kept.add(e);
                }
            }
        }
        return new SftData(vocabulary, kept, dropped, HexFormat.of().formatHex(sha.digest()), pointers, unmatched,
                filtered);
    }

    /**
     * Per encoded object, the vocabulary id of its label's last word (the head noun: "table" of
     * "coffee table"), -1 when the vocabulary lacks it; the object-naming loss of {@code Vlm3d} reads them.
     */
    static int[] objectNames(WordVocabulary vocabulary, SceneFeatures features) {
        return features.objects().stream().mapToInt(o -> {
            String[] words = o.label().strip().toLowerCase(java.util.Locale.ROOT).split("\\s+");
            String head = words[words.length - 1];
            return head.isEmpty() || !vocabulary.contains(head) ? -1 : vocabulary.id(head);
        }).toArray();
    }

    /** Each word's vocabulary id, -1 for a word the vocabulary lacks. */
    private static int[] ids(WordVocabulary vocabulary, List<String> words) {
        return words.stream().mapToInt(w -> vocabulary.contains(w) ? vocabulary.id(w) : -1).toArray();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** Tokens of all examples (prompt + answer, scene tokens left out). */
    public long textTokens() {
        return examples.stream().mapToLong(e -> e.prompt().length + e.answer().length).sum();
    }
}
