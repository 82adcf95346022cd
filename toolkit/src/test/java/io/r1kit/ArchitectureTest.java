package io.r1kit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package arrows of the toolkit's main code, read from its sources (import lines and fully qualified
 * names in code), held against the layers of {@code docs/ARCHITECTURE.md}: an arrow never runs up a
 * layer, packages form no cycle, and every package is drawn in the picture.
 */
class ArchitectureTest {

    private static final Path SOURCES = Paths.get("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.r1kit[\\w.]*?)\\.[A-Z]", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.\"])(io\\.r1kit(?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");

    /** Layers from the base up; a package may import its own layer (no cycle) and the layers below. */
    private static final List<List<String>> LAYERS = List.of(
            List.of("io.r1kit", "io.r1kit.display"),
            List.of("io.r1kit.scene"),
            List.of("io.r1kit.task"),
            List.of("io.r1kit.render"),
            List.of("io.r1kit.view"),
            List.of("io.r1kit.data", "io.r1kit.eval"),
            List.of("io.r1kit.cot"),
            List.of("io.r1kit.model"),
            List.of("io.r1kit.reward", "io.r1kit.eval.tasks"),
            List.of("io.r1kit.train"),
            List.of("io.r1kit.notebook"),
            List.of("io.r1kit.facade"),
            List.of("io.r1kit.cli"));

    private static final List<String> DOMAIN = List.of("io.r1kit.scene", "io.r1kit.render", "io.r1kit.view",
            "io.r1kit.model", "io.r1kit.reward", "io.r1kit.task", "io.r1kit.data", "io.r1kit.eval", "io.r1kit.cot",
            "io.r1kit.display");

    private static Map<String, Set<String>> arrows;

    @BeforeAll
    static void read() throws IOException {
        arrows = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
                Set<String> to = arrows.computeIfAbsent(pkg, k -> new TreeSet<>());
                String text = Files.readString(f);
                String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                for (Matcher m = IMPORT.matcher(code); m.find(); ) {
                    to.add(m.group(1));
                }
                for (String line : code.split("\n")) {
                    if (!line.startsWith("import ") && !line.startsWith("package ")) {
                        for (Matcher m = QUALIFIED.matcher(line); m.find(); ) {
                            to.add(m.group(1));
                        }
                    }
                }
                to.remove(pkg);
            }
        }
        assertTrue(arrows.size() > 30, "read " + arrows.size() + " packages from " + SOURCES.toAbsolutePath());
    }

    private static int layer(String pkg) {
        for (int i = LAYERS.size() - 1; i >= 0; i--) {
            for (String root : LAYERS.get(i)) {
                if (pkg.equals(root) || !root.equals("io.r1kit") && pkg.startsWith(root + ".")) {
                    return i;
                }
            }
        }
        throw new AssertionError(pkg + " is in no layer of ArchitectureTest.LAYERS");
    }

    @Test
    void noArrowRunsUpALayer() {
        List<String> up = new ArrayList<>();
        arrows.forEach((from, tos) -> tos.stream().filter(to -> layer(to) > layer(from))
                .forEach(to -> up.add(from + " -> " + to)));
        assertEquals(List.of(), up);
    }

    @Test
    void theIssuesRulesHold() {
        List<String> broken = new ArrayList<>();
        arrows.forEach((from, tos) -> {
            for (String to : tos) {
                boolean domain = DOMAIN.stream().anyMatch(d -> from.equals(d) || from.startsWith(d + "."));
                boolean top = to.startsWith("io.r1kit.notebook") || to.startsWith("io.r1kit.cli")
                        || to.startsWith("io.r1kit.facade") || to.startsWith("io.r1kit.train");
                if (domain && top
                        || from.startsWith("io.r1kit.reward") && (to.startsWith("io.r1kit.cot") || to.startsWith("io.r1kit.model"))
                        || from.equals("io.r1kit.display")) {
                    broken.add(from + " -> " + to);
                }
            }
        });
        assertEquals(List.of(), broken);
    }

    @Test
    void packagesFormNoCycle() {
        Map<String, Integer> state = new TreeMap<>();
        for (String p : arrows.keySet()) {
            List<String> path = new ArrayList<>();
            String cycle = visit(p, state, path);
            assertEquals(null, cycle, "a cycle of packages");
        }
    }

    private static String visit(String p, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(p);
        if (s != null) {
            return s == 1 ? String.join(" -> ", path.subList(path.indexOf(p), path.size())) + " -> " + p : null;
        }
        state.put(p, 1);
        path.add(p);
        for (String to : arrows.getOrDefault(p, Set.of())) {
            String c = visit(to, state, path);
            if (c != null) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
        return null;
    }

    @Test
    void thePictureInArchitectureMdDrawsEveryPackage() throws IOException {
        String doc = Files.readString(Paths.get("../docs/ARCHITECTURE.md"));
        String picture = doc.substring(doc.indexOf("```"), doc.indexOf("```", doc.indexOf("```") + 3));
        Set<String> missing = new TreeSet<>();
        for (String p : arrows.keySet()) {
            String name = p.equals("io.r1kit") ? "(root)" : p.substring("io.r1kit.".length());
            if (!Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w])").matcher(picture).find()) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing);
    }
}
