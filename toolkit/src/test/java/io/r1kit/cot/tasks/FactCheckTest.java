package io.r1kit.cot.tasks;

import io.r1kit.cot.tasks.FactCheck.Verdict;
import io.r1kit.scene.Box3;
import io.r1kit.scene.gen.Category;
import io.r1kit.scene.gen.Colour;
import io.r1kit.scene.gen.Direction;
import io.r1kit.scene.gen.Material;
import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.ReferringExpression;
import io.r1kit.scene.gen.Relation;
import io.r1kit.scene.gen.RoomKind;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.r1kit.cot.tasks.FactCheck.Verdict.ABSENT;
import static io.r1kit.cot.tasks.FactCheck.Verdict.CONTRADICTED;
import static io.r1kit.cot.tasks.FactCheck.Verdict.STATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each kind of fact read from short answers, sentences and wrong answers, on a small office written by hand. */
class FactCheckTest {

    /** 1 door, 2 black desk, 3 brown chair, 4 grey monitor and 5 red mug on the desk, 6 green chair, 7 bookshelf, 8-9 plants. */
    static final SceneGraph OFFICE = office();

    static final int DESK = 2;
    static final int CHAIR = 3;
    static final int MONITOR = 4;
    static final int MUG = 5;

    @Test
    void count() {
        Fact chairs = new Fact.Count("chair", null, 2);
        expect(chairs, STATED, "two", "2", "Two.", "There are two chairs in the office.", "I count 2 of them.");
        expect(chairs, CONTRADICTED, "three", "There are 3 chairs.", "There is one chair: the brown chair.", "No chairs.");
        expect(chairs, ABSENT, "", "There is one desk.", "There is a brown chair by the desk.");
        expect(new Fact.Count("plant", null, 2), STATED, "The room holds one desk, two plants and two chairs.");
    }

    @Test
    void exists() {
        Fact laptop = new Fact.Exists("laptop", false);
        expect(laptop, STATED, "no", "No.", "No, there is no laptop in this office.", "There isn't a laptop.",
                "I do not see a laptop.");
        expect(laptop, CONTRADICTED, "yes", "Yes, there is a laptop on the desk.");
        expect(laptop, ABSENT, "", "The desk is black.");
        Fact chair = new Fact.Exists("chair", true);
        expect(chair, STATED, "Yes.", "yes", "Yes, there are two chairs.", "There is a brown chair next to the desk.");
        expect(chair, CONTRADICTED, "no", "No chairs here.", "There is no chair in the office.");
    }

    @Test
    void colourOf() {
        Fact black = new Fact.ColourOf(DESK, Colour.BLACK);
        expect(black, STATED, "black", "Black.", "It's black.", "The desk is black.", "It is a black wooden desk by the far wall.",
                "The colour is black.");
        expect(black, CONTRADICTED, "brown", "The desk is brown.", "It is a brown desk.", "It is black or brown.",
                "The grey monitor is on the white desk.");
        expect(black, ABSENT, "", "It is a desk.", "It is by the far wall.", "The chair is brown.");
        Fact brownChair = new Fact.ColourOf(CHAIR, Colour.BROWN);
        expect(brownChair, STATED, "The chair next to the desk is brown.", "A green chair is to the left of the brown chair.");
        expect(brownChair, CONTRADICTED, "The chair is red.");
        expect(brownChair, ABSENT, "The green chair stands free on the floor.");
    }

    @Test
    void materialOf() {
        Fact wood = new Fact.MaterialOf(DESK, Material.WOOD);
        expect(wood, STATED, "wood", "It is made of wood.", "Its material is wood.", "The desk is a black wooden desk.");
        expect(wood, CONTRADICTED, "metal", "It is made of metal.", "It is a black metal desk.");
        expect(wood, ABSENT, "", "It's black.", "It is not made of metal.");
    }

    @Test
    void purpose() {
        Fact work = new Fact.Purpose(DESK, "for working at");
        expect(work, STATED, "for working at", "It is used for working.", "The desk is for working at.",
                "Put it on the desk: the chair is next to it, and the desk has a flat top for working at.");
        expect(work, CONTRADICTED, "for sleeping", "It is for storing books.", "The desk is for sitting on.");
        expect(work, ABSENT, "", "It is black.", "The bookshelf is for storing books.");
    }

    @Test
    void supportOnAnObjectOrTheFloor() {
        Fact onDesk = new Fact.Support(MONITOR, DESK);
        expect(onDesk, STATED, "on the black desk", "On top of the desk.", "It is on the desk.",
                "The grey monitor stands on the black desk.", "The desk is under the monitor.",
                "3. switch on the grey monitor on the black desk.");
        expect(onDesk, CONTRADICTED, "on the floor", "It is on the brown chair.", "The monitor is on the white desk.");
        expect(onDesk, ABSENT, "", "It is grey.", "The mug is on the desk.", "Switch on the monitor.");
        Fact onFloor = new Fact.Support(CHAIR, 0);
        expect(onFloor, STATED, "on the floor", "free-standing on the floor", "The brown chair stands on the floor.",
                "1. go to the black desk along the far wall. 2. pull out the brown chair free-standing on the floor.");
        expect(onFloor, CONTRADICTED, "It is on the desk.", "against the left wall",
                "2. pull out the brown chair on the black desk.");
        expect(onFloor, ABSENT, "Sit on the brown chair.", "The green chair is on the floor.");
    }

    @Test
    void againstWall() {
        Fact far = new Fact.AgainstWall(DESK, Direction.NORTH);
        expect(far, STATED, "against the wall opposite the door", "by the far wall", "It stands along the north wall.",
                "1. go to the black desk along the wall opposite the door. 2. start working.");
        expect(far, CONTRADICTED, "against the left wall", "The desk is along the near wall.",
                "free-standing on the floor", "It is on the brown chair.");
        expect(far, ABSENT, "", "on the floor", "The bookshelf is by the left wall.", "go to the white bookshelf along the far wall");
        expect(new Fact.AgainstWall(1, Direction.SOUTH), STATED, "in the near wall", "in the wall behind you as you come in");
        Fact plant = new Fact.AgainstWall(8, Direction.WEST);
        expect(plant, STATED, "There are two plants: the green plant by the left wall and the green plant by the right wall.");
        expect(plant, CONTRADICTED, "The green plant is by the far wall.");
    }

    @Test
    void holds() {
        Fact nextTo = new Fact.Holds(CHAIR, Predicate.NEXT_TO, DESK);
        expect(nextTo, STATED, "The brown chair is next to the black desk.", "The desk is beside the chair.",
                "It stands next to the desk.",
                "The best spot is the black desk: the grey monitor is on it and the brown chair is next to it, so one can sit there and work.");
        expect(nextTo, CONTRADICTED, "The brown chair is to the right of the desk.",
                "The best spot is the white desk: the grey monitor is on it and the red chair is next to it.");
        expect(nextTo, ABSENT, "", "The brown chair is facing the desk.", "The green chair is next to the desk.",
                "A brown chair is on the floor.");
        Fact left = new Fact.Holds(MONITOR, Predicate.LEFT_OF, MUG);
        expect(left, STATED, "The monitor is to the left of the mug.", "The red mug is to the right of the grey monitor.");
        expect(left, CONTRADICTED, "The monitor is to the right of the mug.");
        expect(left, ABSENT, "The monitor is next to the mug.");
        expect(new Fact.Holds(CHAIR, Predicate.FACING, DESK), STATED, "Sit on the brown chair: it faces the black desk.");
    }

    @Test
    void allRelated() {
        Fact onDesk = new Fact.AllRelated(Predicate.ON, DESK, List.of(MONITOR, MUG));
        expect(onDesk, STATED, "a grey monitor and a red mug", "A grey monitor and a red mug are on it.",
                "A red mug and a grey monitor are on the black desk, which stands against the far wall.",
                "There is a monitor and a mug on the desk.");
        expect(onDesk, CONTRADICTED, "a grey monitor", "a grey monitor, a red mug and a brown chair", "Nothing is on it.",
                "nothing", "A blue monitor and a red mug are on it.");
        expect(onDesk, ABSENT, "", "The monitor is next to the mug.");
        Fact nothing = new Fact.AllRelated(Predicate.ON, CHAIR, List.of());
        expect(nothing, STATED, "Nothing is on it.", "nothing", "There is nothing on the chair.");
        expect(nothing, CONTRADICTED, "A red mug is on it.", "a red mug");
        Fact chairs = new Fact.AllRelated(Predicate.NEXT_TO, 7, List.of(8));
        expect(chairs, STATED, "A green plant stands next to it.");
    }

    @Test
    void identifies() {
        ReferringExpression expr = ReferringExpression.of("chair").related(Predicate.NEXT_TO, ReferringExpression.of("desk"));
        Fact f = new Fact.Identifies(expr, CHAIR);
        expect(f, STATED, "The chair next to the desk is brown.", "The chair next to the desk is a brown fabric chair.");
        expect(f, CONTRADICTED, "The chair next to the desk is the green chair.");
        expect(f, ABSENT, "", "The brown chair is brown.", "The chair to the left of the desk is brown.");
        expect(new Fact.Identifies(ReferringExpression.of("desk").withColour(Colour.BLACK), DESK), STATED,
                "Find the black desk.");
    }

    private static void expect(Fact f, Verdict v, String... texts) {
        for (String t : texts) {
            assertEquals(v, FactCheck.check(OFFICE, f, t), () -> f + " in \"" + t + "\"");
        }
    }

    private static SceneGraph office() {
        List<RoomObject> o = new ArrayList<>();
        o.add(object(1, Category.DOOR, Colour.WHITE, Material.WOOD, 0, Direction.SOUTH));
        o.add(object(2, Category.DESK, Colour.BLACK, Material.WOOD, 0, Direction.NORTH));
        o.add(object(3, Category.CHAIR, Colour.BROWN, Material.FABRIC, 0, null));
        o.add(object(4, Category.MONITOR, Colour.GREY, Material.PLASTIC, DESK, null));
        o.add(object(5, Category.MUG, Colour.RED, Material.CERAMIC, DESK, null));
        o.add(object(6, Category.CHAIR, Colour.GREEN, Material.PLASTIC, 0, null));
        o.add(object(7, Category.BOOKSHELF, Colour.WHITE, Material.WOOD, 0, Direction.WEST));
        o.add(object(8, Category.PLANT, Colour.GREEN, Material.CERAMIC, 0, Direction.WEST));
        o.add(object(9, Category.PLANT, Colour.GREEN, Material.CERAMIC, 0, Direction.EAST));
        List<Relation> r = new ArrayList<>();
        both(r, MONITOR, Predicate.ON, DESK, Predicate.UNDER);
        both(r, MUG, Predicate.ON, DESK, Predicate.UNDER);
        both(r, CHAIR, Predicate.NEXT_TO, DESK, Predicate.NEXT_TO);
        both(r, MONITOR, Predicate.NEXT_TO, MUG, Predicate.NEXT_TO);
        both(r, MONITOR, Predicate.LEFT_OF, MUG, Predicate.RIGHT_OF);
        both(r, 6, Predicate.LEFT_OF, CHAIR, Predicate.RIGHT_OF);
        both(r, 8, Predicate.NEXT_TO, 7, Predicate.NEXT_TO);
        r.add(new Relation(CHAIR, Predicate.FACING, DESK));
        return new SceneGraph(RoomKind.OFFICE, 4, 5, 2.6f, o, r);
    }

    private static void both(List<Relation> r, int a, Predicate p, int b, Predicate back) {
        r.add(new Relation(a, p, b));
        r.add(new Relation(b, back, a));
    }

    private static RoomObject object(int id, Category c, Colour colour, Material m, int support, Direction wall) {
        return new RoomObject(id, c, c.label(), c.nyu40(), colour, m, new Box3(id, 1, 0.5f, 0.5f, 0.5f, 1), Direction.SOUTH,
                c.function(), support, wall);
    }
}
