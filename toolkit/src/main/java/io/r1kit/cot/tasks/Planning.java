package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.RoomObject;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Planning (3D-LLM embodied planning style): a goal and ordered steps, each naming a real object of
 * the scene and where it is. A goal is offered only when the room holds the objects its steps need.
 */
public final class Planning {

    private Planning() {}

    /** Steps being built: their text, the facts their places rest on and the objects they name. */
    private static final class Steps {
        final List<String> text = new ArrayList<>();
        final List<Fact> facts = new ArrayList<>();
        final List<Integer> objects = new ArrayList<>();

        void add(String verb, RoomObject o, SceneContext c) {
            Locator.Place p = Locator.place(c.graph(), o, c.words());
            text.add(verb + " the " + o.name() + " " + p.words());
            facts.add(p.fact());
            objects.add(o.id());
        }

        void say(String s) {
            text.add(s);
        }
    }

    public static List<Example> generate(SceneContext c) {
        List<Example> out = new ArrayList<>();
        first(c, "desk").ifPresent(desk -> {
            Steps s = new Steps();
            s.add("go to", desk, c);
            first(c, "chair").ifPresent(ch -> s.add(c.words().pick("pull out", "take"), ch, c));
            c.related(io.r1kit.scene.gen.Predicate.ON, desk.id()).stream()
                    .filter(o -> o.label().equals("monitor") || o.label().equals("laptop")).findFirst()
                    .ifPresent(m -> s.add("switch on", m, c));
            s.say("start working");
            out.add(plan(c, c.words().pick("work for an hour", "get some work done"), s, desk));
        });
        first(c, "bed").ifPresent(bed -> {
            Steps s = new Steps();
            first(c, "lamp").ifPresent(l -> s.add("switch off", l, c));
            s.add("go to", bed, c);
            first(c, "pillow").ifPresent(p -> s.add("lay your head on", p, c));
            s.say("close your eyes and sleep");
            out.add(plan(c, c.words().pick("go to sleep", "take a nap"), s, bed));
        });
        first(c, "tv").ifPresent(tv -> first(c, "sofa").or(() -> first(c, "chair")).ifPresent(seat -> {
            Steps s = new Steps();
            s.add("sit down on", seat, c);
            s.add("turn on", tv, c);
            s.say("pick a show to watch");
            out.add(plan(c, c.words().pick("watch a show", "watch the news on tv"), s, tv));
        }));
        first(c, "refrigerator").ifPresent(fridge -> first(c, "stove").ifPresent(stove -> {
            Steps s = new Steps();
            s.add("take the vegetables out of", fridge, c);
            first(c, "kitchen counter").ifPresent(k -> s.add("chop them on", k, c));
            s.add("cook them on", stove, c);
            first(c, "dining table").ifPresent(t -> s.add("serve the meal at", t, c));
            out.add(plan(c, c.words().pick("cook dinner", "make a vegetable stir-fry"), s, stove));
        }));
        first(c, "wardrobe").ifPresent(wr -> {
            Steps s = new Steps();
            s.say("fold the clean clothes");
            s.add("open", wr, c);
            s.say("put the clothes inside and close its doors");
            out.add(plan(c, c.words().pick("put away my laundry", "tidy up my clothes"), s, wr));
        });
        first(c, "trash can").ifPresent(t -> {
            Steps s = new Steps();
            s.say("collect the rubbish lying around");
            s.add("walk to", t, c);
            s.say("drop the rubbish into it");
            out.add(plan(c, c.words().pick("clear away the rubbish", "tidy the room"), s, t));
        });
        return out;
    }

    private static Example plan(SceneContext c, String goal, Steps s, RoomObject target) {
        String q = "### human: " + c.words().pick("I want to " + goal + ". What should I do?",
                "Help me " + goal + ". Which steps should I take?") + " ### assistant:";
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < s.text.size(); i++) {
            a.append(i == 0 ? "" : " ").append(i + 1).append(". ").append(s.text.get(i)).append('.');
        }
        List<Integer> targets = new ArrayList<>(List.of(target.id()));
        s.objects.stream().filter(id -> id != target.id()).forEach(targets::add);
        return new Example(c.sceneId(), Task.PLANNING, null, q, a.toString(), a.toString(), targets, s.facts);
    }

    private static Optional<RoomObject> first(SceneContext c, String label) {
        List<RoomObject> objs = c.graph().objects(label);
        return objs.isEmpty() ? Optional.empty() : Optional.of(objs.get(c.words().nextInt(objs.size())));
    }
}
