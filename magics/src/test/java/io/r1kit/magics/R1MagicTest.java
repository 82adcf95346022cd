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
        MagicError e = assertThrows(MagicError.class, () -> new R1Magic().run(List.of("frobnicate")));
        assertTrue(e.getMessage().startsWith("%r1: unknown command 'frobnicate'"), e.getMessage());
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void helpListsEveryMagicWithOneLineEach() throws Exception {
        String help = new R1Magic().help();
        assertEquals(help, new R1Magic().run(List.of()));
        assertEquals(help, new R1Magic().run(List.of("help")));
        for (String magic : List.of("%r1 version", "%r1 help", "%scene", "%render", "%views", "%ask")) {
            assertTrue(help.lines().anyMatch(l -> l.startsWith("  " + magic + " ")), magic + " missing from\n" + help);
        }
        assertEquals(1 + R1Magic.MAGICS.size(), help.lines().count());
    }

    @Test
    void extensionIsDiscoverableAsAService() {
        List<Extension> found = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof R1Extension);
    }
}
