package io.r1kit.magics;

import io.r1kit.facade.R1Scene;
import io.r1kit.render.ViewGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code %render [--view N] [--boxes] [--highlight ID] [--depth]}: one candidate view of the current scene,
 * with every box, one object highlighted, and its depth beside it.
 */
@Command(name = "%render", description = "Render a candidate view of the current scene.")
final class RenderMagic implements Callable<Object> {

    static final String HELP = "[--view N] [--boxes] [--highlight ID] [--depth]: a view of the current scene";

    private final MagicState state;

    @Option(names = "--view", paramLabel = "N", defaultValue = "0", description = "candidate view 0..23 (default 0)")
    int view;

    @Option(names = "--boxes", description = "draw every object's box with its label")
    boolean boxes;

    @Option(names = "--highlight", paramLabel = "ID", description = "show object ID in colour, dim the rest")
    Integer highlight;

    @Option(names = "--depth", description = "also show the depth (near is bright)")
    boolean depth;

    RenderMagic(MagicState state) {
        this.state = state;
    }

    @Override
    public Object call() {
        R1Scene s = state.scene();
        var image = s.render(view, boxes, highlight);
        if (!depth) {
            return image;
        }
        return ViewGrid.strip(List.of(image, s.depth(view)), List.of("view " + view, "depth"));
    }

    static Object run(MagicState state, List<String> args) {
        return MagicRunner.run(new RenderMagic(state), args);
    }
}
