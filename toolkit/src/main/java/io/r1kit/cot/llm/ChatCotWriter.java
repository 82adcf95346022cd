package io.r1kit.cot.llm;

import io.r1kit.cot.CotBackend;
import io.r1kit.cot.CotRequest;
import io.r1kit.cot.filter.Reanswerer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The CoT back end over a chat model (3D-R1, Sec. 3.1, Algorithm 1: the scene description and the
 * question go to a language model that reasons step by step). The model sees only the description
 * and the question, never the graph.
 */
public final class ChatCotWriter implements CotBackend {

    /** The instruction, in the spirit of the paper's prompt. */
    public static final String SYSTEM = "You are an expert in 3D indoor scenes. You are given a description of a room "
            + "and a question about it. Reason about the room step by step, writing each step as \"Step 1:\", \"Step 2:\", "
            + "and so on, with at least three steps: first find the objects the question is about, then use their "
            + "positions, relations and attributes, and in the last step name the object that answers the question. "
            + "Reply in exactly this format and nothing else: <think>your steps</think><answer>your answer in full "
            + "sentences</answer>";

    private final ChatClient client;
    private final String name;

    public ChatCotWriter(ChatConfig config) {
        this.client = new ChatClient(Objects.requireNonNull(config, "config"));
        this.name = "chat:" + config.model();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String write(CotRequest r) throws IOException {
        return client.complete(SYSTEM, "Scene description: " + r.description() + "\nQuestion: " + r.question());
    }

    /**
     * The consistency filter's re-answer with the same model: it gets only the reasoning and is
     * asked for the answer it leads to.
     */
    public Reanswerer reanswerer() {
        return think -> {
            try {
                return client.complete("Read the reasoning and state, in full sentences, the answer it arrives at. "
                        + "Reply with the answer only.", think);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
