package io.r1kit.magics;

import io.r1kit.view.ViewSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code %views QUERY [--k K]}: dynamic view selection on the current scene, the chosen views and every score;
 * while the candidates are scored, a progress bar updated in place.
 */
@Command(name = "%views", description = "Choose the views of the current scene that best show QUERY.")
final class ViewsMagic implements Callable<Object> {

    static final String HELP = "QUERY [--k K]: the views chosen for a query, with their scores";

    private final MagicState state;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "what the views should show")
    List<String> query;

    @Option(names = "--k", paramLabel = "K", defaultValue = "4", description = "views to choose (default 4)")
    int k;

    ViewsMagic(MagicState state) {
        this.state = state;
    }

    @Override
    public Object call() {
        LiveProgress live = state.progress();
        ViewSelection s = state.scene().views(String.join(" ", query), k, live);
        live.finish();
        return s;
    }

    static Object run(MagicState state, List<String> args) {
        return MagicRunner.run(new ViewsMagic(state), args);
    }
}
