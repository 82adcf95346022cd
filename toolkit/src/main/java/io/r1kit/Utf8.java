package io.r1kit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding: bytes that are not UTF-8 are reported with where they are, never replaced, so a
 * file in another encoding is refused instead of read as something else. The readers of JSON, annotation
 * and evaluation files share it and word their own messages.
 *
 * <pre>{@code
 * int bad = Utf8.firstInvalid(bytes);          // -1 when all of it is UTF-8
 * String text = bad < 0 ? Utf8.decode(bytes) : ...;
 * }</pre>
 */
public final class Utf8 {

    private Utf8() {}

    /** The offset of the first byte that is not part of a UTF-8 character, or -1 when every byte is. */
    public static int firstInvalid(byte[] bytes) {
        CharsetDecoder decoder = strict();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            var r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /**
     * The text of {@code bytes}.
     *
     * @throws IllegalArgumentException saying where they stop being UTF-8
     */
    public static String decode(byte[] bytes) {
        try {
            return strict().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 text (byte " + firstInvalid(bytes)
                    + " is not part of a UTF-8 character)");
        }
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
