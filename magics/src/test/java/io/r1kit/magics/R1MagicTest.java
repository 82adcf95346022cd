package io.r1kit.magics;

import io.r1kit.Version;
import org.dflib.jjava.jupyter.Extension;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class R1MagicTest {

    @Test
    void versionNamesToolkitAndEngine() throws Exception {
        String out = (String) new R1Magic().run(List.of("version"));
        assertTrue(out.startsWith("r1kit " + Version.get() + " | Java 17"), out);
        assertTrue(out.contains("PyTorch 2.7.1 on cpu()"), out);
    }

    @Test
    void unknownCommandListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new R1Magic().run(List.of("frobnicate")));
        assertTrue(e.getMessage().startsWith("%r1: unknown command 'frobnicate'"), e.getMessage());
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void helpListsCommands() throws Exception {
        assertEquals(new R1Magic().help(), new R1Magic().run(List.of()));
    }

    @Test
    void extensionIsDiscoverableAsAService() {
        List<Extension> found = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof R1Extension);
    }
}
