package io.r1kit.task;

import io.r1kit.scene.Box3;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's reply read as its task's result: the reasoning steps, the answer, the boxes the answer names
 * (read over the scene's bounds) and, for dense captions, each box with its caption. A reply that is not
 * in the reasoning format is still read (the whole text, tags dropped, is the answer) and says so in
 * {@link #note()}; nothing here throws on a bad reply.
 *
 * <pre>{@code
 * TaskAnswer a = TaskAnswer.read(Task.GROUNDING, "<think>Step 1: ...</think><answer><obj>1, 2, 3, 4, 5, 6</obj></answer>", bounds);
 * a.steps(); a.answer(); a.boxes(); a.wellFormed();
 * }</pre>
 *
 * @param task     the task asked
 * @param reply    the reply as generated (without {@code <|im_end|>})
 * @param steps    the reasoning: the {@code <think>} text cut at its step cues ("Step 1: ..."); empty without
 * @param answer   the {@code <answer>} text, or the whole reply when it has no answer block
 * @param boxes    the answer's {@code <obj>} boxes that read, in order (empty without bounds)
 * @param captions for dense captions, each box of the answer with the text after it; empty for other tasks
 * @param note     what is malformed, empty when the reply is in the reasoning format and every box reads
 */
public record TaskAnswer(Task task, String reply, List<String> steps, String answer, List<Box3> boxes,
                         List<BoxCaption> captions, String note) {

    /** One object of a dense caption: its box and what the answer says of it. */
    public record BoxCaption(Box3 box, String caption) {}

    private static final Pattern STEP = Pattern.compile("(?i)\\bstep\\s+\\d+\\s*:\\s*");
    private static final Pattern TAG = Pattern.compile("<obj>(.*?)</obj>", Pattern.DOTALL);

    public TaskAnswer {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(reply, "reply");
        steps = List.copyOf(steps);
        boxes = List.copyOf(boxes);
        captions = List.copyOf(captions);
        note = note == null ? "" : note;
    }

    /** Whether the reply is in the reasoning format and every box of its answer reads. */
    public boolean wellFormed() {
        return note.isEmpty();
    }

    /** The first box of the answer, if any. */
    public Optional<Box3> box() {
        return boxes.isEmpty() ? Optional.empty() : Optional.of(boxes.get(0));
    }

    /**
     * Reads {@code reply} as an answer to {@code task}.
     *
     * @param bounds the scene's bounds that {@code <obj>} values are read over; null reads no box
     */
    public static TaskAnswer read(Task task, String reply, Box3 bounds) {
        String text = reply == null ? "" : TaskPrompt.stripEnd(reply);
        ReasoningParser.Result parsed = ReasoningParser.parse(text);
        String think;
        String answer;
        List<String> notes = new ArrayList<>();
        if (parsed.valid()) {
            think = parsed.reasoning().get().think();
            answer = parsed.reasoning().get().answer();
        } else {
            notes.add("not in the reasoning format (" + parsed.reason() + ")");
            think = between(text, "<think>", "</think>", "<answer>");
            String inAnswer = between(text, "<answer>", "</answer>", null);
            answer = inAnswer != null ? inAnswer : text.replaceAll("</?(think|answer)>", " ").strip();
        }
        List<Box3> boxes = new ArrayList<>();
        List<BoxCaption> captions = new ArrayList<>();
        if (bounds != null) {
            List<Box3> read = new BoxCodec(bounds).readEach(answer);          // per tag, its box or null
            List<int[]> spans = new ArrayList<>();                            // every tag, read or not
            for (Matcher m = TAG.matcher(answer); m.find(); ) {
                spans.add(new int[] {m.start(), m.end()});
            }
            int bad = (int) read.stream().filter(Objects::isNull).count();
            read.stream().filter(Objects::nonNull).forEach(boxes::add);
            if (bad > 0) {
                notes.add(bad + " box" + (bad == 1 ? " does" : "es do") + " not read as six values 0..255");
            }
            if (task == Task.DENSE_CAPTION) {
                for (int i = 0; i < read.size(); i++) {   // a caption runs to the next tag, read or not
                    int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : answer.length();
                    if (read.get(i) != null) {
                        captions.add(new BoxCaption(read.get(i), answer.substring(spans.get(i)[1], end).strip()));
                    }
                }
            }
        }
        return new TaskAnswer(task, text, steps(think), answer, boxes, captions, String.join("; ", notes));
    }

    /** The text of {@code think} cut at "Step N:" cues; one step per sentence-free text without cues. */
    static List<String> steps(String think) {
        if (think == null || think.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : STEP.split(think)) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String between(String text, String open, String close, String orElseBefore) {
        int from = text.indexOf(open);
        if (from < 0) {
            return null;
        }
        from += open.length();
        int to = text.indexOf(close, from);
        if (to < 0 && orElseBefore != null) {
            to = text.indexOf(orElseBefore, from);
        }
        return (to < 0 ? text.substring(from) : text.substring(from, to)).strip();
    }

    /** The result as text: the steps numbered, the answer, the boxes, the note. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(task.slug()).append('\n');
        for (int i = 0; i < steps.size(); i++) {
            sb.append("  ").append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        sb.append("  answer: ").append(answer).append('\n');
        for (BoxCaption c : captions) {
            sb.append("  ").append(c.box()).append(": ").append(c.caption()).append('\n');
        }
        if (captions.isEmpty() && !boxes.isEmpty()) {
            boxes.forEach(b -> sb.append("  box: ").append(b).append('\n'));
        }
        if (!note.isEmpty()) {
            sb.append("  note: ").append(note).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
