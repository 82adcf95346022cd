package io.r1kit.data;

import java.util.List;
import java.util.Objects;

/**
 * The descriptions of one scene from Scene-30K's {@code scene_caption.json}.
 *
 * @param sceneId  ScanNet scan
 * @param captions its descriptions, in file order
 */
public record SceneCaption(String sceneId, List<String> captions) implements SceneAnnotation {

    public SceneCaption {
        Objects.requireNonNull(sceneId, "sceneId");
        captions = List.copyOf(captions);
    }
}
