package io.r1kit.data;

import java.util.List;
import java.util.Objects;

/**
 * One ScanRefer description: a sentence that picks out one object of a ScanNet scene.
 *
 * @param sceneId     ScanNet scan, e.g. {@code "scene0000_00"}
 * @param objectId    instance id of the described object in that scan
 * @param objectName  its category name, e.g. {@code "chair"}
 * @param annId       index of this description among those of the same object
 * @param description the sentence
 * @param tokens      the sentence's tokens as released (field {@code token})
 */
public record ScanReferEntry(String sceneId, int objectId, String objectName, int annId,
                             String description, List<String> tokens) implements SceneAnnotation {

    public ScanReferEntry {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(description, "description");
        tokens = List.copyOf(tokens);
    }
}
