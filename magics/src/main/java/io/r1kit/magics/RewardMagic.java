package io.r1kit.magics;

import io.r1kit.facade.R1Answer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code %reward [--gt TEXT]}: the rewards of the last {@code %ask} answer (format, perception, semantic, and
 * the verifiable answer and facts rewards where they apply) against the truth of the current scene, or against
 * {@code --gt}: a reference answer, or for grounding an object id or an {@code <obj>} box.
 */
@Command(name = "%reward", description = "The rewards of the last %%ask answer against the scene's truth or --gt.")
final class RewardMagic implements Callable<Object> {

    static final String HELP = "[--gt TEXT]: rewards of the last answer against the scene's truth (or TEXT)";

    private final MagicState state;

    @Option(names = "--gt", arity = "1..*", paramLabel = "TEXT",
            description = "the truth: a reference answer; for grounding an object id or an <obj> box")
    List<String> gt;

    RewardMagic(MagicState state) {
        this.state = state;
    }

    @Override
    public Object call() {
        R1Answer a = state.lastAnswer();
        return gt == null ? a.rewards() : a.rewards(String.join(" ", gt));
    }

    static Object run(MagicState state, List<String> args) {
        return MagicRunner.run(new RewardMagic(state), args);
    }
}
