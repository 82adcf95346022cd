package io.r1kit.train.grpo;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.cot.tasks.Queries;
import io.r1kit.cot.tasks.SceneContext;
import io.r1kit.eval.CiderIdf;
import io.r1kit.eval.tasks.TaskScores;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.PromptFormat;
import io.r1kit.model.vlm.SceneFeatures;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.reward.RewardSet;
import io.r1kit.reward.RewardTarget;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.TrainingRooms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The prompts of a GRPO recipe: the data engine's questions about generated rooms (regenerated from their
 * seeds), each with its target as {@link ExampleTargets#of} decides it (a grounding question's is the
 * described object's box over the scene bounds; a caption or QA question's the reference answer) and the
 * recipe's rewards for its task ({@link GrpoRewards#set(List, Example, io.r1kit.scene.gen.SceneGraph, CiderIdf)}:
 * the facts reward checks against the example and its room's scene graph, the cider reward scores under the
 * document frequencies of the task's reference answers in these prompts); an example none of whose rewards
 * applies is left out.
 *
 * <pre>{@code
 * GrpoRewards rewards = new GrpoRewards();   // one per run
 * GrpoData train = GrpoData.of(50, 200_000, config, rewards, model.config(), tokenizer, TrainProgress.none());
 * }</pre>
 *
 * @param prompts  the prompts, in room then engine order
 * @param unscored examples left out because none of their task's rewards applies to their target
 * @param sha256   hash of the prompts' question and reference texts (each as UTF-8 then a NUL byte), in hex
 */
public record GrpoData(List<GrpoPrompt> prompts, int unscored, String sha256) {

    public GrpoData {
        prompts = List.copyOf(prompts);
    }

    /**
     * The prompts of rooms {@code seed .. seed + rooms - 1} for the recipe's tasks, tokenised by
     * {@code tokenizer}, scored by {@code rewards} (pass the run's one instance to both the training and
     * the held-out prompts).
     */
    public static GrpoData of(int rooms, long seed, GrpoConfig config, GrpoRewards rewards, VlmConfig model,
                              TextTokenizer tokenizer, TrainProgress progress) {
        MessageDigest sha = digest();
        List<GrpoPrompt> out = new ArrayList<>();
        for (Task t : config.tasks()) {
            config.rewardNames(t).forEach(rewards::checkKnown);
        }
        List<Pending> pending = new ArrayList<>();
        Map<Task, List<List<String>>> ciderRefs = new EnumMap<>(Task.class);
        config.tasks().stream().filter(t -> config.rewardNames(t).contains("cider"))
                .forEach(t -> ciderRefs.put(t, new ArrayList<>()));
        for (int i = 0; i < rooms; i++) {
            GeneratedRoom room = TrainingRooms.room(seed + i);
            SceneFeatures features = SceneFeatures.extract(room.scene(), model);
            SceneContext c = InstructionGenerator.context(room, seed + i);
            for (Example e : TrainingRooms.examples(room, seed + i, config.tasks(), model.maxObjects())) {
                pending.add(new Pending(features, c, e, ExampleTargets.of(e, room.scene()), room.graph()));
                List<List<String>> refs = ciderRefs.get(e.task());
                if (refs != null && e.task() == Task.DENSE_CAPTION) {  // one set per object, as CIDEr@0.5 counts them
                    TaskAnswer.read(Task.DENSE_CAPTION, e.answer(), room.scene().bounds()).captions()
                            .forEach(caption -> refs.add(List.of(caption.caption())));
                } else if (refs != null) {
                    refs.add(List.of(TaskScores.captionText(e.answer())));
                }
            }
            progress.rooms("prompt rooms " + seed + "..", i + 1, rooms);
        }
        // the cider reward's document frequencies: the task's reference answers in these prompts, as the
        // evaluation takes them from its questions
        Map<Task, CiderIdf> idf = new EnumMap<>(Task.class);
        ciderRefs.forEach((t, refs) -> {
            if (!refs.isEmpty()) {
                idf.put(t, CiderIdf.of(refs));
            }
        });
        int unscored = 0;
        for (Pending p : pending) {
            Example e = p.example();
            RewardSet set = rewards.set(config.rewardNames(e.task()), e, p.graph(), idf.get(e.task()));
            if (set.rewards().stream().noneMatch(r -> r.applies(p.target()))) {
                unscored++;        // e.g. "facts" alone and a reference that states no fact
                continue;
            }
            out.add(new GrpoPrompt(p.features(), tokenizer.encode(PromptFormat.of(model, Queries.of(e, p.context()))),
                    p.target(), set, e.task()));
            sha.update(e.question().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(e.answer().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return new GrpoData(out, unscored, HexFormat.of().formatHex(sha.digest()));
    }

    /** An example of a room, its features and target, waiting for the rewards the whole data set decides. */
    private record Pending(SceneFeatures features, SceneContext context, Example example, RewardTarget target,
                           SceneGraph graph) {}

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
