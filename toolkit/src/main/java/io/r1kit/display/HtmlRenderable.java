package io.r1kit.display;

/**
 * An object that shows itself as HTML in a notebook (and as text through {@code toString()}
 * elsewhere). The r1kit kernel extension displays any such object as {@code text/html}.
 */
public interface HtmlRenderable {

    /** A self-contained HTML fragment. */
    String toHtml();
}
