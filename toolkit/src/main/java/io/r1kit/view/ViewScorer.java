package io.r1kit.view;

import io.r1kit.render.PointInstances;
import io.r1kit.render.RenderedView;
import io.r1kit.scene.SceneObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three view scores of paper §3 (Eq. 6), computed from a rendered candidate view, its
 * instance buffer and the query; nothing is random. With {@code pix(o)} the pixels showing object
 * o, {@code rel(o)} = {@link QueryText#relevance} of its label, and the <i>targets</i> the objects
 * with {@code rel(o) > 0}:
 *
 * <ul>
 *   <li><b>S_text</b>: cosine similarity between the query's bag of words (binary) and the view's
 *       bag of label words, each visible object adding its pixel share {@code pix(o) / Σ pix} spread
 *       evenly over its label's words. 1 when everything visible is named by exactly the query's
 *       words, 0 when no visible label shares a word with the query.</li>
 *   <li><b>S_coverage</b>: the mean of (a) the share of the scene's objects seen (at least
 *       {@code minPixels} pixels) and (b) the share of the targets seen; (a) alone when the query
 *       names no object. For a scene without objects, the share of image pixels covered by points.</li>
 *   <li><b>S_clip</b>: a stand-in for an image–text model's agreement score, which the toolkit does
 *       not have (no image–text weights are available offline). It is {@code fill x colour}:
 *       fill = {@code min(1, Σ rel(o) pix(o) / (0.1 W H))}, how much of the frame the named objects
 *       fill (a tenth of the frame counts as fully shown); colour = the share of those pixels whose
 *       nearest basic colour ({@link ColourNames}) is one the query names, 1 when it names none.
 *       With no targets, 0, or, when the query names colours, the share of covered pixels with a
 *       named colour.</li>
 * </ul>
 *
 * <p><b>Scenes without labels.</b> {@link ViewSelector} scores a scan without objects over its
 * object proposals ({@link io.r1kit.scene.proposal.SceneObjects}). Proposals have no class: their
 * label {@code object} has no content word ({@link QueryText}), so no proposal is a target, S_text is
 * 0 for every view, and S_coverage is the share of proposals seen. S_clip is 0 unless the query names
 * a colour, when it is the share of covered pixels in a named colour. The ranking is then driven by
 * how many proposals a view shows and by the query's colours, not by its object words.
 */
public final class ViewScorer {

    /** Share of the frame a named object must fill to count as fully shown in S_clip. */
    public static final double CLIP_FULL_FILL = 0.1;

    private final QueryText query;
    private final List<SceneObject> objects;
    private final Map<Integer, Double> relevance = new HashMap<>();
    private final Map<Integer, List<String>> labelWords = new HashMap<>();
    private final int minPixels;

    public ViewScorer(String query, List<SceneObject> objects, int minPixels) {
        this.query = QueryText.of(query);
        this.objects = List.copyOf(objects);
        this.minPixels = minPixels;
        for (SceneObject o : objects) {
            relevance.put(o.id(), this.query.relevance(o.label()));
            labelWords.put(o.id(), QueryText.tokens(o.label()));
        }
    }

    public QueryText query() { return query; }

    /** Ids of the objects the query names (relevance > 0). */
    public List<Integer> targets() {
        return objects.stream().map(SceneObject::id).filter(id -> relevance.get(id) > 0).toList();
    }

    /** The three scores and U(v) of candidate {@code n} rendered as {@code view}. */
    public ViewScore score(int n, double azimuth, double elevation, RenderedView view, ViewSelectionConfig config) {
        Map<Integer, Integer> pix = view.visiblePixels();
        double text = text(pix);
        int seen = 0;
        int targets = 0;
        int targetsSeen = 0;
        int targetPixels = 0;
        for (SceneObject o : objects) {
            int p = pix.getOrDefault(o.id(), 0);
            boolean isSeen = p >= minPixels;
            seen += isSeen ? 1 : 0;
            if (relevance.get(o.id()) > 0) {
                targets++;
                targetsSeen += isSeen ? 1 : 0;
                targetPixels += p;
            }
        }
        double coverage;
        if (objects.isEmpty()) {
            coverage = view.filledFraction();
        } else {
            double sceneShare = seen / (double) objects.size();
            coverage = targets == 0 ? sceneShare : 0.5 * (sceneShare + targetsSeen / (double) targets);
        }
        double clip = clip(view, targets > 0);
        double u = config.wText() * text + config.wCoverage() * coverage + config.wClip() * clip;
        return new ViewScore(n, azimuth, elevation, text, coverage, clip, u, targetPixels, seen);
    }

    private double text(Map<Integer, Integer> pix) {
        if (query.words().isEmpty()) {
            return 0;
        }
        long total = pix.values().stream().mapToLong(Integer::longValue).sum();
        if (total == 0) {
            return 0;
        }
        Map<String, Double> bag = new HashMap<>();
        for (Map.Entry<Integer, Integer> e : pix.entrySet()) {
            List<String> words = labelWords.get(e.getKey());
            if (words == null || words.isEmpty()) {
                continue;
            }
            double share = e.getValue() / (double) total / words.size();
            words.forEach(w -> bag.merge(w, share, Double::sum));
        }
        double dot = 0;
        double norm = 0;
        for (Map.Entry<String, Double> e : bag.entrySet()) {
            norm += e.getValue() * e.getValue();
            if (query.words().contains(e.getKey())) {
                dot += e.getValue();
            }
        }
        return norm == 0 ? 0 : dot / (Math.sqrt(norm) * Math.sqrt(query.words().size()));
    }

    private double clip(RenderedView view, boolean hasTargets) {
        boolean colours = !query.colours().isEmpty();
        if (!hasTargets && !colours) {
            return 0;
        }
        double weighted = 0;
        double inColour = 0;
        double considered = 0;
        for (int y = 0; y < view.height(); y++) {
            for (int x = 0; x < view.width(); x++) {
                int id = view.instanceAt(x, y);
                double w;
                if (hasTargets) {
                    w = id == PointInstances.NONE ? 0 : relevance.getOrDefault(id, 0.0);
                } else {
                    w = view.depth(x, y) == Float.POSITIVE_INFINITY ? 0 : 1;
                }
                if (w == 0) {
                    continue;
                }
                weighted += w;
                considered += w;
                if (colours && query.colours().contains(ColourNames.name(view.rgb(x, y)))) {
                    inColour += w;
                }
            }
        }
        if (considered == 0) {
            return 0;
        }
        double colour = colours ? inColour / considered : 1;
        if (!hasTargets) {
            return colour;
        }
        double fill = Math.min(1, weighted / (CLIP_FULL_FILL * view.width() * view.height()));
        return fill * colour;
    }
}
