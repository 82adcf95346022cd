package io.r1kit.eval.tasks;

import io.r1kit.cot.tasks.FactAccuracy;
import io.r1kit.eval.CaptionCorpus;
import io.r1kit.eval.ExactMatch;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.MetricScore;
import io.r1kit.eval.Scan2CapScores;
import io.r1kit.eval.TextMetric;
import io.r1kit.scene.Box3;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scores of one task over its answered cases, and per case the values its headline is the mean of (so
 * that intervals and paired comparisons resample rooms, {@link Bootstrap}). Every task gets the share of
 * replies in the reasoning format ({@code format}) and fact accuracy (the facts the reference answer states
 * that the answer states too, {@link FactAccuracy}); the text tasks get CIDEr, BLEU-4, METEOR and ROUGE-L of
 * the answer against the reference; QA and dialogue EM@1 (QA also per question type); grounding Acc@0.25,
 * Acc@0.5 and mean IoU of the answer's first box; dense captioning Scan2Cap's m@0.5 (each object's caption
 * is the predicted caption whose box overlaps it most, scored when that IoU is at least 0.5, 0 otherwise,
 * averaged over all objects of the room answer) and the share of objects found at IoU 0.5.
 *
 * @param task     the task
 * @param cases    questions scored (dense captioning: rooms)
 * @param metrics  metric name to value (NaN when it does not apply to the cases)
 * @param byType   QA only: per question type, EM@1 and count
 * @param headline the task's main number: dense-caption CIDEr@0.5, object-caption CIDEr, grounding Acc@0.25,
 *                 qa and dialogue EM@1, reasoning and planning fact accuracy
 * @param items    the per-case values of the headline
 */
public record TaskScores(Task task, int cases, Map<String, Double> metrics, Map<String, double[]> byType,
                         String headline, List<Bootstrap.Item> items) {

    /** The headline metric's name for {@code task}. */
    public static String headlineOf(Task task) {
        return switch (task) {
            case DENSE_CAPTION -> "cider@0.5";
            case OBJECT_CAPTION -> "cider";
            case GROUNDING -> "acc@0.25";
            case QA, DIALOGUE -> "em@1";
            case REASONING, PLANNING -> "fact_accuracy";
        };
    }

    /** The headline's value. */
    public double value() {
        return Bootstrap.ratio(items);
    }

    /** Scores {@code cases}, all of {@code task}. */
    static TaskScores of(Task task, List<TaskCase> cases, MeteorResources meteor) {
        Map<String, Double> m = new LinkedHashMap<>();
        Map<String, List<Bootstrap.Item>> per = new LinkedHashMap<>();
        List<Bootstrap.Item> format = new ArrayList<>();
        FactAccuracy.Score facts = FactAccuracy.Score.NONE;
        List<Bootstrap.Item> factItems = new ArrayList<>();
        for (TaskCase c : cases) {
            format.add(new Bootstrap.Item(c.room(), c.answer().wellFormed() ? 1 : 0, 1));
            FactAccuracy.Score s = FactAccuracy.of(c.example(), c.graph(), c.answer().answer());
            facts = facts.plus(s);
            factItems.add(new Bootstrap.Item(c.room(), s.stated(), s.considered()));
        }
        m.put("format", Bootstrap.ratio(format));
        m.put("fact_accuracy", facts.accuracy());
        m.put("facts_contradicted", facts.considered() == 0 ? Double.NaN : (double) facts.contradicted() / facts.considered());
        per.put("fact_accuracy", factItems);
        Map<String, double[]> byType = new TreeMap<>();
        switch (task) {
            case GROUNDING -> grounding(cases, m, per);
            case DENSE_CAPTION -> dense(cases, m, per, meteor);
            default -> text(cases, m, per, meteor);
        }
        if (task == Task.QA || task == Task.DIALOGUE) {
            List<Bootstrap.Item> em = new ArrayList<>();
            for (TaskCase c : cases) {
                boolean right = ExactMatch.exact(c.answer().answer(), List.of(c.example().answer()));
                em.add(new Bootstrap.Item(c.room(), right ? 1 : 0, 1));
                if (task == Task.QA) {
                    double[] t = byType.computeIfAbsent(c.example().type().slug(), k -> new double[2]);
                    t[0] += right ? 1 : 0;
                    t[1]++;
                }
            }
            m.put("em@1", Bootstrap.ratio(em));
            per.put("em@1", em);
        }
        String headline = headlineOf(task);
        return new TaskScores(task, cases.size(), m, byType, headline, List.copyOf(per.get(headline)));
    }

    private static void text(List<TaskCase> cases, Map<String, Double> m, Map<String, List<Bootstrap.Item>> per,
                             MeteorResources meteor) {
        Map<String, List<String>> predictions = new LinkedHashMap<>();
        Map<String, List<String>> references = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            predictions.put(String.valueOf(i), List.of(captionText(cases.get(i).answer().answer())));
            references.put(String.valueOf(i), List.of(captionText(cases.get(i).example().answer())));
        }
        MetricScore cider = TextMetric.CIDER.score(predictions, references, meteor).get(0);
        m.put("cider", cider.score());
        m.put("bleu4", TextMetric.BLEU.score(predictions, references, meteor).get(3).score());
        m.put("meteor", TextMetric.METEOR.score(predictions, references, meteor).get(0).score());
        m.put("rouge_l", TextMetric.ROUGE.score(predictions, references, meteor).get(0).score());
        List<Bootstrap.Item> items = new ArrayList<>();
        double[] v = cider.perSample();
        for (int i = 0; i < cases.size(); i++) {
            items.add(new Bootstrap.Item(cases.get(i).room(), v[i], 1));
        }
        per.put("cider", items);
    }

    private static void grounding(List<TaskCase> cases, Map<String, Double> m, Map<String, List<Bootstrap.Item>> per) {
        List<Bootstrap.Item> at25 = new ArrayList<>();
        List<Bootstrap.Item> at50 = new ArrayList<>();
        double iouSum = 0;
        for (TaskCase c : cases) {
            Box3 target = c.scene().object(c.example().target()).orElseThrow().box();
            double iou = c.answer().box().map(b -> b.iou(target)).orElse(0.0);
            iouSum += iou;
            at25.add(new Bootstrap.Item(c.room(), iou >= 0.25 ? 1 : 0, 1));
            at50.add(new Bootstrap.Item(c.room(), iou >= 0.5 ? 1 : 0, 1));
        }
        m.put("acc@0.25", Bootstrap.ratio(at25));
        m.put("acc@0.5", Bootstrap.ratio(at50));
        m.put("mean_iou", cases.isEmpty() ? Double.NaN : iouSum / cases.size());
        per.put("acc@0.25", at25);
    }

    private static void dense(List<TaskCase> cases, Map<String, Double> m, Map<String, List<Bootstrap.Item>> per,
                              MeteorResources meteor) {
        Map<String, List<String>> predictions = new LinkedHashMap<>();
        Map<String, List<String>> references = new LinkedHashMap<>();
        Map<String, Double> ious = new LinkedHashMap<>();
        List<Integer> rooms = new ArrayList<>();
        int found = 0;
        for (TaskCase c : cases) {
            List<TaskAnswer.BoxCaption> truth = TaskAnswer.read(Task.DENSE_CAPTION, c.example().answer(),
                    c.scene().bounds()).captions();
            List<Integer> ids = c.example().targets();
            for (int k = 0; k < ids.size(); k++) {
                Box3 box = c.scene().object(ids.get(k)).orElseThrow().box();
                Overlap o = bestOverlap(c.answer().captions(), box);
                TaskAnswer.BoxCaption best = o.caption();
                double bestIou = o.iou();
                String id = c.example().sceneId() + "/" + ids.get(k);
                predictions.put(id, List.of(best == null || best.caption().isBlank() ? "nothing" : captionText(best.caption())));
                references.put(id, List.of(k < truth.size() ? truth.get(k).caption() : ""));
                ious.put(id, bestIou);
                rooms.add(c.room());
                found += bestIou >= 0.5 ? 1 : 0;
            }
        }
        if (predictions.isEmpty()) {
            return;
        }
        List<MetricScore> s = Scan2CapScores.score(CaptionCorpus.of(predictions, references), ious, 0.5, meteor);
        m.put("cider@0.5", s.get(0).score());
        m.put("bleu4@0.5", s.get(1).score());
        m.put("meteor@0.5", s.get(2).score());
        m.put("rouge_l@0.5", s.get(3).score());
        m.put("found@0.5", (double) found / predictions.size());
        List<Bootstrap.Item> items = new ArrayList<>();
        double[] v = s.get(0).perSample();
        for (int i = 0; i < v.length; i++) {
            items.add(new Bootstrap.Item(rooms.get(i), v[i], 1));
        }
        per.put("cider@0.5", items);
    }

    /** A dense caption's entry that overlaps an object most, and that 3D IoU; a null caption and 0 when none does. */
    public record Overlap(TaskAnswer.BoxCaption caption, double iou) {}

    /** Of {@code captions}, the one whose box overlaps {@code box} most (the first of equals), as Scan2Cap matches. */
    public static Overlap bestOverlap(List<TaskAnswer.BoxCaption> captions, Box3 box) {
        TaskAnswer.BoxCaption best = null;
        double bestIou = 0;
        for (TaskAnswer.BoxCaption p : captions) {
            double iou = p.box().iou(box);
            if (iou > bestIou) {
                best = p;
                bestIou = iou;
            }
        }
        return new Overlap(best, bestIou);
    }

    /**
     * The text a caption is scored on: {@code <obj>} tags dropped, white space folded; "nothing" when no
     * word is left (the scorers need one).
     */
    public static String captionText(String answer) {
        String s = answer.replaceAll("<obj>.*?</obj>", " ").replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? "nothing" : s;
    }
}
