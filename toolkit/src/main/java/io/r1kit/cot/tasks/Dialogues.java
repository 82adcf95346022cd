package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-turn dialogue (3D-LLM style): a conversation about one object where later questions refer
 * back to it ("What colour is it?", "What is next to it?"). Each assistant turn is one example whose
 * question is the conversation so far with {@code ### human:} / {@code ### assistant:} markers.
 */
public final class Dialogues {

    /** Conversations per scene. */
    static final int PER_SCENE = 2;

    private Dialogues() {}

    public static List<Example> generate(SceneContext c) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < PER_SCENE; i++) {
            out.addAll(conversation(c, c.words().pick(c.graph().objects())));
        }
        return out;
    }

    private static List<Example> conversation(SceneContext c, RoomObject o) {
        Phrasing w = c.words();
        List<RoomObject> same = c.graph().objects(o.label());
        Locator.Place place = Locator.place(c.graph(), o, w);
        List<String[]> turns = new ArrayList<>();
        List<List<Fact>> facts = new ArrayList<>();
        turns.add(new String[] {w.pick("Is there " + Phrasing.article(o.label()) + " in here?",
                "Do you see " + Phrasing.article(o.label()) + " in this " + c.room() + "?"),
            same.size() == 1 ? "Yes, there is " + Phrasing.article(o.name()) + " " + place.words() + "."
                : "Yes, there are " + Phrasing.counted(same.size(), o.label()) + "; one of them is "
                    + Phrasing.article(o.name()) + " " + place.words() + "."});
        facts.add(List.of(new Fact.Exists(o.label(), true), new Fact.Count(o.label(), null, same.size()), place.fact()));

        int second = w.nextInt(3);
        if (second == 0) {
            turns.add(new String[] {w.pick("What colour is it?", "Which colour is that one?"), "It is " + o.colour().word() + "."});
            facts.add(List.of(new Fact.ColourOf(o.id(), o.colour())));
        } else if (second == 1) {
            turns.add(new String[] {w.pick("What is it made of?", "What material is it?"), "It is made of " + o.material().word() + "."});
            facts.add(List.of(new Fact.MaterialOf(o.id(), o.material())));
        } else {
            turns.add(new String[] {w.pick("What is it for?", "What would I use it for?"), "It is " + o.function() + "."});
            facts.add(List.of(new Fact.Purpose(o.id(), o.function())));
        }

        Predicate p = w.pick(Predicate.NEXT_TO, Predicate.ON);
        List<RoomObject> rel = c.related(p, o.id());
        String ask = p == Predicate.ON ? w.pick("Is there anything on it?", "What is on top of it?")
                : w.pick("What is next to it?", "And what stands beside it?");
        String reply = rel.isEmpty() ? "Nothing is " + SceneContext.relation(p) + " it."
                : Phrasing.capitalise(Phrasing.join(rel.stream().map(r -> Phrasing.article(r.name())).toList()))
                    + (rel.size() == 1 ? " is " : " are ") + SceneContext.relation(p) + " it.";
        turns.add(new String[] {ask, reply});
        facts.add(List.of(new Fact.AllRelated(p, o.id(), rel.stream().map(RoomObject::id).toList())));

        List<Example> out = new ArrayList<>();
        StringBuilder prompt = new StringBuilder();
        for (int t = 0; t < turns.size(); t++) {
            prompt.append(t == 0 ? "" : " ").append("### human: ").append(turns.get(t)[0]).append(" ### assistant:");
            String answer = turns.get(t)[1];
            out.add(new Example(c.sceneId(), Task.DIALOGUE, null, prompt.toString(), answer, answer, List.of(o.id()),
                    facts.get(t)));
            prompt.append(' ').append(answer);
        }
        return out;
    }
}
