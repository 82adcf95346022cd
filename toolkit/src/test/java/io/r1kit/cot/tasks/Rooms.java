package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;

import java.util.ArrayList;
import java.util.List;

/** Small generated rooms for tests (few points: the graphs are what the tests look at). */
public final class Rooms {

    public static final SceneGenerator GENERATOR = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000));
    private static final List<GeneratedRoom> CACHE = new ArrayList<>();

    private Rooms() {}

    /** Rooms for seeds 0..n-1 (all four kinds appear). */
    public static synchronized List<GeneratedRoom> first(int n) {
        while (CACHE.size() < n) {
            CACHE.add(GENERATOR.generate(CACHE.size()));
        }
        return CACHE.subList(0, n);
    }
}
