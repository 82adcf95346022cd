package io.r1kit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.ProposalConfig;
import io.r1kit.scene.proposal.ProposalRun;
import io.r1kit.scene.proposal.Proposals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit scene info PATH|--room KIND[:SEED] [--propose] [--json]}: points, objects (label + box),
 * bounds, source; with {@code --propose}, object proposals ({@link Proposals}) take the objects' place.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a scene's points, objects (label and box), bounds and source.")
final class SceneInfoCommand implements Callable<Integer> {

    @Mixin
    SceneInput input;

    @Mixin
    JsonOutput output;

    @Option(names = "--propose", description = "list object proposals (default settings) instead of the scene's objects")
    boolean propose;

    @Override
    public Integer call() throws Exception {
        Scene scene = input.scene();
        if (propose) {
            scene = withProposals(scene);
        }
        Scene shown = scene;
        output.print(() -> toText(shown), () -> JsonOutput.pretty(toJson(shown)));
        return 0;
    }

    /** The scene with proposals as its objects; a note says what replaced what. */
    static Scene withProposals(Scene scene) {
        ProposalConfig cfg = ProposalConfig.defaults();
        ProposalRun run = Proposals.run(scene, cfg);
        Scene.Builder b = scene.toBuilder().objects(run.proposals()).note(run.summary(cfg));
        if (!scene.objects().isEmpty()) {
            b.note("the source's " + scene.objects().size() + " objects are not listed: --propose shows proposals");
        }
        return b.build();
    }

    static String toText(Scene scene) {
        StringBuilder sb = new StringBuilder();
        sb.append(scene.id()).append("  (").append(scene.source().format());
        if (scene.source().path() != null) {
            sb.append(", ").append(scene.source().path());
        }
        sb.append(")\n");
        sb.append(String.format(Locale.ROOT, "points   %,d (%s)%n", scene.points().size(),
                scene.points().hasNormals() ? "colours, normals" : "colours"));
        if (scene.points().size() > 0) {
            Box3 b = scene.bounds();
            sb.append(String.format(Locale.ROOT, "bounds   x %.3f..%.3f  y %.3f..%.3f  z %.3f..%.3f  (%.2f x %.2f x %.2f)%n",
                    b.minX(), b.maxX(), b.minY(), b.maxY(), b.minZ(), b.maxZ(), b.dx(), b.dy(), b.dz()));
        }
        sb.append("labels   instance ").append(scene.instanceLabels().isPresent() ? "yes" : "no")
                .append(", semantic ").append(scene.semanticLabels().isPresent() ? "yes" : "no").append('\n');
        sb.append("objects  ").append(scene.objects().size()).append('\n');
        if (!scene.objects().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  %4s  %-18s %-26s %-22s %s%n", "id", "label", "centre", "size", "points"));
            for (SceneObject o : scene.objects()) {
                Box3 b = o.box();
                sb.append(String.format(Locale.ROOT, "  %4d  %-18s %-26s %-22s %s%n", o.id(), o.label(),
                        String.format(Locale.ROOT, "(%.2f, %.2f, %.2f)", b.cx(), b.cy(), b.cz()),
                        String.format(Locale.ROOT, "%.2f x %.2f x %.2f", b.dx(), b.dy(), b.dz()),
                        // Boxes without per-point labels have no points: say "-" rather than 0.
                        o.pointCount() == 0 && scene.instanceLabels().isEmpty() ? "-" : o.pointCount()));
            }
        }
        for (String note : scene.source().notes()) {
            sb.append("note     ").append(note).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    static JsonObject toJson(Scene scene) {
        JsonObject o = new JsonObject();
        o.addProperty("id", scene.id());
        o.addProperty("format", scene.source().format());
        o.addProperty("source", scene.source().path() == null ? null : scene.source().path().toString());
        o.addProperty("points", scene.points().size());
        o.addProperty("normals", scene.points().hasNormals());
        o.addProperty("instance_labels", scene.instanceLabels().isPresent());
        o.addProperty("semantic_labels", scene.semanticLabels().isPresent());
        if (scene.points().size() > 0) {
            o.add("bounds", box(scene.bounds()));
        }
        JsonArray objects = new JsonArray();
        for (SceneObject so : scene.objects()) {
            JsonObject j = new JsonObject();
            j.addProperty("id", so.id());
            j.addProperty("label", so.label());
            j.addProperty("semantic_id", so.semanticId());
            j.add("box", box(so.box()));
            j.addProperty("points", so.pointCount());
            objects.add(j);
        }
        o.add("objects", objects);
        JsonArray notes = new JsonArray();
        scene.source().notes().forEach(notes::add);
        o.add("notes", notes);
        return o;
    }

    /** A box as {@code [cx, cy, cz, dx, dy, dz]}, the order of ScanNet box files. */
    static JsonArray box(Box3 b) {
        JsonArray a = new JsonArray();
        for (float v : new float[] {b.cx(), b.cy(), b.cz(), b.dx(), b.dy(), b.dz()}) {
            a.add(v);
        }
        return a;
    }
}
