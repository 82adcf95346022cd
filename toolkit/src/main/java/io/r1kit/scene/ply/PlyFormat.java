package io.r1kit.scene.ply;

import java.nio.ByteOrder;
import java.util.Optional;

/** The three PLY body encodings, as named on the header's {@code format} line. */
public enum PlyFormat {
    ASCII("ascii", null),
    BINARY_LITTLE_ENDIAN("binary_little_endian", ByteOrder.LITTLE_ENDIAN),
    BINARY_BIG_ENDIAN("binary_big_endian", ByteOrder.BIG_ENDIAN);

    private final String keyword;
    private final ByteOrder order;

    PlyFormat(String keyword, ByteOrder order) {
        this.keyword = keyword;
        this.order = order;
    }

    /** The name on the {@code format} line, e.g. {@code binary_little_endian}. */
    public String keyword() {
        return keyword;
    }

    /** Byte order of a binary body; {@code null} for ASCII. */
    ByteOrder order() {
        return order;
    }

    /** The format with this header keyword, if any. */
    public static Optional<PlyFormat> ofKeyword(String keyword) {
        for (PlyFormat f : values()) {
            if (f.keyword.equals(keyword)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
