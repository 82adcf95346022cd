package io.r1kit.train;

import com.google.gson.JsonParser;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.sft.SftConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecipeJsonTest {

    /** A recipe without a defaults resource beside it. */
    record Orphan(int steps) {}

    @Test
    void eachRecipeHasOneDefaultsResourceNamingEveryKey() {
        assertEquals(SftConfig.defaults(), RecipeJson.defaults(SftConfig.class));
        assertEquals(GrpoConfig.defaults(), RecipeJson.defaults(GrpoConfig.class));
        assertEquals("Orphan: resource defaults.json is missing",
                assertThrows(IllegalStateException.class, () -> RecipeJson.defaults(Orphan.class)).getMessage());
    }

    @Test
    void provenanceRecordsTheRecipeAsItsFileWritesIt() {
        SftConfig c = SftConfig.fromJson("{\"steps\": 50, \"warmup_steps\": 5, \"tasks\": [\"grounding\", \"qa\"]}");
        assertEquals(JsonParser.parseString(c.toJson()), RecipeJson.tree(c));
        assertEquals("grounding", RecipeJson.tree(c).getAsJsonArray("tasks").get(0).getAsString());
        assertEquals(50, RecipeJson.tree(c).get("steps").getAsInt());
    }
}
