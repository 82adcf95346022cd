/**
 * The base of every display: {@link io.r1kit.display.Table} (HTML in a notebook, aligned text in
 * JShell), {@link io.r1kit.display.HtmlRenderable} (what the notebook kernel shows as HTML),
 * {@link io.r1kit.display.Html} (escaping, inline PNG) and {@link io.r1kit.display.ProgressBar} (the one
 * text progress bar of long work). It imports nothing of r1kit, so any package may use it.
 */
package io.r1kit.display;
