package io.r1kit.view;

import io.r1kit.display.Progress;
import io.r1kit.render.Camera;
import io.r1kit.render.PointRenderer;
import io.r1kit.render.RenderOptions;
import io.r1kit.render.RenderedView;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.ProposalConfig;
import io.r1kit.scene.proposal.SceneObjects;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Dynamic view selection (paper §3, Eq. 6–7): render candidate views placed uniformly around the
 * scene, score each with U(v) = w_t·S_text + w_c·S_coverage + w_clip·S_clip (Eq. 6, scores as in
 * {@link ViewScorer}) and keep the k views of highest utility (Eq. 7's top-k). Ties go to the
 * lower candidate index, so the selection is deterministic.
 *
 * <p>A scene without objects (a user's own scan) is scored over its object proposals, found with the
 * default {@link ProposalConfig} through {@link SceneObjects#resolve}: they give S_coverage and the
 * instance buffer, while S_text is 0 for every view because proposals have no class to match the
 * query's words ({@link ViewScorer}). {@link ViewSelection#objects()} says which it was.
 *
 * <pre>{@code
 * ViewSelection s = ViewSelector.select(scene, "the refrigerator", ViewSelectionConfig.defaults());
 * s.table();   // every candidate's S_text, S_coverage, S_clip and U
 * s.grid();    // the chosen views, the named objects boxed
 * }</pre>
 *
 * <p>Scoring renders every candidate, which takes seconds on a large scan: the {@link Progress} overload
 * reports each candidate scored and each chosen view rendered, {@code candidateCount + k} units in all.
 */
public final class ViewSelector {

    private ViewSelector() {}

    /** {@link #select(Scene, String, ViewSelectionConfig)} with {@link ViewSelectionConfig#defaults()}. */
    public static ViewSelection select(Scene scene, String query) {
        return select(scene, query, ViewSelectionConfig.defaults());
    }

    /** Scores every candidate of {@code config} for {@code query} and renders the k best. */
    public static ViewSelection select(Scene scene, String query, ViewSelectionConfig config) {
        return select(SceneObjects.resolve(scene), query, config);
    }

    /** Scores the candidates over already resolved objects (the caller resolved them, e.g. to report on them). */
    public static ViewSelection select(SceneObjects objects, String query, ViewSelectionConfig config) {
        return select(objects, query, config, Progress.none());
    }

    /**
     * {@link #select(SceneObjects, String, ViewSelectionConfig)}, telling {@code progress} after each candidate
     * scored and each chosen view rendered ({@code candidateCount + k} units; the last call has done == total).
     */
    public static ViewSelection select(SceneObjects objects, String query, ViewSelectionConfig config,
                                       Progress progress) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(progress, "progress");
        Scene scene = objects.scene();
        PointRenderer renderer = PointRenderer.of(scene);
        ViewScorer scorer = new ViewScorer(query, scene.objects(), config.minPixels());
        // Scores read the points' own colours: no shading, which would darken them by the view angle.
        RenderOptions scoring = RenderOptions.defaults().withShading(false);
        int candidates = config.candidateCount();
        long total = candidates + Math.min(config.k(), candidates);
        String what = "views for \"" + query + "\": ";
        List<ViewScore> scores = new ArrayList<>();
        for (int n = 0; n < candidates; n++) {
            Camera cam = CandidateViews.candidate(scene.bounds(), config, n, config.scoringSize());
            RenderedView v = renderer.render(cam, scoring);
            scores.add(scorer.score(n, CandidateViews.azimuth(config, n), CandidateViews.elevation(config, n), v, config));
            progress.update(n + 1, total, what + "scored " + (n + 1) + "/" + candidates + " candidates");
        }
        List<ViewScore> chosen = scores.stream()
                .sorted(Comparator.comparingDouble(ViewScore::utility).reversed().thenComparingInt(ViewScore::candidate))
                .limit(config.k())
                .toList();
        List<RenderedView> views = new ArrayList<>();
        for (ViewScore s : chosen) {
            views.add(renderer.render(CandidateViews.candidate(scene.bounds(), config, s.candidate(), config.imageSize()),
                    RenderOptions.defaults()));
            progress.update(candidates + views.size(), total, what + candidates + " candidates scored, "
                    + views.size() + "/" + chosen.size() + " chosen views rendered");
        }
        List<SceneObject> targets = scorer.targets().stream().map(id -> scene.object(id).orElseThrow()).toList();
        return new ViewSelection(scene.id(), query, config, scores, chosen, views, targets, objects);
    }
}
