package io.r1kit.model.text;

import java.util.List;

/**
 * Qwen2's instruction format (ChatML): each turn is {@code <|im_start|>ROLE\nTEXT<|im_end|>\n}; a
 * prompt for a reply ends with {@code <|im_start|>assistant\n}. As Qwen2's own template does, a
 * conversation without a system turn gets the default system prompt first.
 *
 * <pre>{@code
 * String prompt = ChatTemplate.QWEN2.render(List.of(ChatMessage.user("Where is the sofa?")), true);
 * }</pre>
 */
public final class ChatTemplate {

    /** Qwen2 (and Qwen2.5) with their default system prompt. */
    public static final ChatTemplate QWEN2 = new ChatTemplate("You are a helpful assistant.");

    /** Opens a turn. */
    public static final String START = "<|im_start|>";
    /** Closes a turn; generation of a reply stops on it. */
    public static final String END = "<|im_end|>";

    private final String defaultSystem;

    /** @param defaultSystem system prompt put first when the conversation has none; null for none */
    public ChatTemplate(String defaultSystem) {
        this.defaultSystem = defaultSystem;
    }

    /**
     * The prompt text of {@code messages}.
     *
     * @param addGenerationPrompt whether to open an assistant turn for the model to complete
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        StringBuilder sb = new StringBuilder();
        if (defaultSystem != null && (messages.isEmpty() || !messages.get(0).role().equals("system"))) {
            turn(sb, "system", defaultSystem);
        }
        for (ChatMessage m : messages) {
            turn(sb, m.role(), m.content());
        }
        if (addGenerationPrompt) {
            sb.append(START).append("assistant\n");
        }
        return sb.toString();
    }

    private static void turn(StringBuilder sb, String role, String content) {
        sb.append(START).append(role).append('\n').append(content).append(END).append('\n');
    }
}
