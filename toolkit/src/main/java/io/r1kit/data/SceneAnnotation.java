package io.r1kit.data;

/** One annotation record tied to a ScanNet scene; lets {@link AnnotationSummary} count any data set. */
public interface SceneAnnotation {

    /** The ScanNet scan the record is about, e.g. {@code "scene0000_00"}. */
    String sceneId();
}
