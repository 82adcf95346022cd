package io.r1kit.scene.proposal;

import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;

import java.util.List;

/**
 * How well proposals recover a labelled scan's true boxes: the scan is stripped of its objects and
 * labels ({@link Proposals#withoutObjects}), proposed, and its proposals matched to the true boxes
 * one to one ({@link BoxMatcher}) at IoU 0.25 and 0.5, the thresholds of ScanNet detection.
 *
 * <pre>{@code
 * ProposalQuality q = ProposalQuality.of(Scenes.load(scan), ProposalConfig.defaults());
 * q.at25().recall();
 * }</pre>
 *
 * @param run   the proposal run on the stripped scan
 * @param at25  matching at IoU 0.25
 * @param at50  matching at IoU 0.5
 */
public record ProposalQuality(ProposalRun run, BoxMatcher.Result at25, BoxMatcher.Result at50) {

    /** Evaluates proposals on {@code labelled}, whose objects are the ground truth. */
    public static ProposalQuality of(Scene labelled, ProposalConfig cfg) {
        if (labelled.objects().isEmpty()) {
            throw new IllegalArgumentException("scene " + labelled.id()
                    + " has no objects to compare proposals with; use a labelled scan such as a ScanNet *_vert.npy with its *_bbox.npy");
        }
        ProposalRun run = Proposals.run(Proposals.withoutObjects(labelled), cfg);
        List<Box3> truth = labelled.objects().stream().map(SceneObject::box).toList();
        List<Box3> boxes = run.proposals().stream().map(SceneObject::box).toList();
        return new ProposalQuality(run, BoxMatcher.match(boxes, truth, 0.25), BoxMatcher.match(boxes, truth, 0.5));
    }
}
