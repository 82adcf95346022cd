package io.r1kit.cot.tasks;

import java.util.Locale;

/** The question types of the QA task, as the paper mixes them (Sec. 3.1): what the question asks about. */
public enum QuestionType {
    /** "How many chairs are there?" */
    COUNT,
    /** "What colour is the sofa?" */
    COLOUR,
    /** "Is there a plant in the room?" */
    EXISTENCE,
    /** "Where is the lamp?" */
    LOCATION,
    /** "What is on the desk?" */
    RELATION,
    /** "What is the wardrobe for?" */
    FUNCTION;

    /** Lower-case name for files and charts, e.g. {@code "existence"}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
