package io.r1kit.train.sft;

import io.r1kit.cot.tasks.Example;
import io.r1kit.model.text.VocabularyConfig;
import io.r1kit.model.text.WordVocabulary;
import io.r1kit.model.vlm.PointerText;
import io.r1kit.model.vlm.SceneFeatures;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.scene.gen.GeneratedRoom;
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
 * The supervised examples of a recipe: generated rooms (regenerated from their seeds, never stored),
 * the data engine's examples of the chosen tasks, each turned into token ids in the one prompt format
 * of {@link TaskPrompt} (prompt = the ChatML user turn of the question plus the opened assistant
 * turn; answer = the example's {@code answer} then {@code <|im_end|>}, the only tokens the loss sees).
 * With {@code object_pointers} each answer box of an encoded object becomes that object's pointer token
 * ({@link PointerText#compress}), so grounding is one choice among the scene's objects. Examples longer
 * than {@code max_tokens} (counted before pointers shorten them) are dropped and counted.
 *
 * <pre>{@code
 * SftData train = SftData.training(config, TrainProgress.none());      // builds the vocabulary too
 * SftData heldOut = SftData.of(config.heldOutRooms(), config.heldOutSeed(), config, train.vocabulary(), progress);
 * }</pre>
 *
 * @param vocabulary the word vocabulary the ids come from
 * @param examples   examples that fit, in room then engine order
 * @param dropped    examples longer than {@code max_tokens}
 * @param sha256     hash of the kept examples' prompt and answer texts (each as UTF-8 then a NUL byte), in hex
 * @param pointers   answer boxes written as an object's pointer token ({@link PointerText#compress}; recipes
 *                   with {@code object_pointers})
 * @param unmatched  answer boxes that equal no encoded object's grid (kept as numbers), e.g. objects past
 *                   {@code max_objects}
 */
public record SftData(WordVocabulary vocabulary, List<VlmExample> examples, int dropped, String sha256, int pointers,
                      int unmatched) {

    public SftData {
        examples = List.copyOf(examples);
    }

    /** One room's inputs: its features and its examples of the recipe's tasks. */
    private record Room(SceneFeatures features, List<Example> examples) {}

    /**
     * The training rooms' examples; the vocabulary is built from their questions and answers
     * ({@link WordVocabulary#build}, words seen at least {@code min_word_count} times).
     */
    public static SftData training(SftConfig config, TrainProgress progress) {
        List<Room> rooms = rooms(config.trainRooms(), config.trainSeed(), config, "training rooms", progress);
        List<String> texts = new ArrayList<>();
        for (Room r : rooms) {
            for (Example e : r.examples()) {
                texts.add(e.question());
                texts.add(e.answer());
            }
        }
        WordVocabulary vocabulary = WordVocabulary.build(texts,
                VocabularyConfig.defaults().withMinCount(config.minWordCount()));
        return encode(rooms, vocabulary, config);
    }

    /** The examples of rooms {@code seed .. seed + count - 1} with a given vocabulary (held-out data). */
    public static SftData of(int count, long seed, SftConfig config, WordVocabulary vocabulary, TrainProgress progress) {
        return encode(rooms(count, seed, config, "held-out rooms", progress), vocabulary, config);
    }

    /** Prompt ids of {@code question}: {@link TaskPrompt#prompt}, cut into words by the vocabulary. */
    public static int[] promptIds(WordVocabulary vocabulary, String question) {
        return vocabulary.ids(TaskPrompt.prompt(question));
    }

    /** Answer ids of {@code answer}: {@link TaskPrompt#answer}, ending with {@code <|im_end|>}. */
    public static int[] answerIds(WordVocabulary vocabulary, String answer) {
        return vocabulary.ids(TaskPrompt.answer(answer));
    }

    private static List<Room> rooms(int count, long seed, SftConfig config, String phase, TrainProgress progress) {
        // features depend on max_objects, points_per_object and the seed only, not on the vocabulary
        VlmConfig features = config.vlmConfig(WordVocabulary.FIXED_SIZE);
        List<Room> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GeneratedRoom room = TrainingRooms.room(seed + i);
            out.add(new Room(SceneFeatures.extract(room.scene(), features), TrainingRooms.examples(room, seed + i, config.tasks())));
            progress.rooms(phase, i + 1, count);
        }
        return out;
    }

    private static SftData encode(List<Room> rooms, WordVocabulary vocabulary, SftConfig config) {
        MessageDigest sha = newDigest();
        List<VlmExample> kept = new ArrayList<>();
        int dropped = 0;
        int pointers = 0;
        int unmatched = 0;
        PointerText pointerText = config.objectPointers() ? PointerText.of(config.vlmConfig(vocabulary.size())) : null;
        for (Room r : rooms) {
            int[] names = objectNames(vocabulary, r.features());
            for (Example e : r.examples()) {
                int[] prompt = promptIds(vocabulary, e.question());
                int[] answer = answerIds(vocabulary, e.answer());
                if (prompt.length + answer.length > config.maxTokens()) {
                    dropped++;
                    continue;
                }
                sha.update(TaskPrompt.prompt(e.question()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(TaskPrompt.answer(e.answer()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                if (pointerText != null) {
                    PointerText.Compressed c = pointerText.compress(answer, r.features());
                    answer = c.ids();
                    pointers += c.pointers();
                    unmatched += c.unmatched();
                }
                kept.add(new VlmExample(r.features(), prompt, answer, names));
            }
        }
        return new SftData(vocabulary, kept, dropped, HexFormat.of().formatHex(sha.digest()), pointers, unmatched);
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
