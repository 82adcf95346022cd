package io.r1kit.model.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextTokenizerTest {

    @Test
    void encodesAsHuggingFaceTokenizersDoes() throws Exception {
        Path dir = Path.of(getClass().getResource("/io/r1kit/model/lm/tiny-qwen2/tokenizer.json").toURI()).getParent();
        JsonArray cases = JsonParser.parseString(Files.readString(dir.resolve("tokenizer_fixture.json"))).getAsJsonArray();
        try (TextTokenizer tok = TextTokenizer.load(dir)) {
            for (JsonElement e : cases) {
                JsonObject c = e.getAsJsonObject();
                String text = c.get("text").getAsString();
                int[] expected = c.getAsJsonArray("ids").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
                assertArrayEquals(expected, tok.encode(text), text);
                assertEquals(text, tok.decode(expected));
            }
            // special tokens are single ids (1 and 2 in the fixture vocabulary) and can be dropped
            int[] chat = tok.encode("<|im_start|>user\nhi<|im_end|>");
            assertEquals(1, chat[0]);
            assertEquals(2, chat[chat.length - 1]);
            assertEquals("user\nhi", tok.decodeWithoutSpecial(chat));
        }
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> TextTokenizer.load(dir));
        assertEquals("tokenizer.json: not found (a checkpoint directory needs tokenizer.json)", e.getMessage());
    }

    @Test
    void chatTemplateIsChatMl() {
        String prompt = ChatTemplate.QWEN2.render(List.of(ChatMessage.user("Where is the sofa?")), true);
        assertEquals("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
                + "<|im_start|>user\nWhere is the sofa?<|im_end|>\n<|im_start|>assistant\n", prompt);
        String own = ChatTemplate.QWEN2.render(List.of(ChatMessage.system("Answer briefly."),
                ChatMessage.user("Hi"), ChatMessage.assistant("Hello.")), false);
        assertEquals("<|im_start|>system\nAnswer briefly.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                + "<|im_start|>assistant\nHello.<|im_end|>\n", own);
    }
}
