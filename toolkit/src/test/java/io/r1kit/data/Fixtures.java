package io.r1kit.data;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Hand-made annotation files in {@code src/test/resources/io/r1kit/data}. */
final class Fixtures {

    private Fixtures() {}

    static Path path(String name) {
        try {
            var url = Fixtures.class.getResource(name);
            if (url == null) {
                throw new IllegalStateException("test fixture not found: " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
