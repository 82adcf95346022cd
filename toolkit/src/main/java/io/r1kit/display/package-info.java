/**
 * The base of every display: {@link io.r1kit.display.Table} (HTML in a notebook, aligned text in
 * JShell), {@link io.r1kit.display.HtmlRenderable} (what the notebook kernel shows as HTML),
 * {@link io.r1kit.display.Html} (escaping, inline PNG), {@link io.r1kit.display.Progress} (where long
 * work reports how far it is) and {@link io.r1kit.display.ProgressBar} (the one text progress bar of
 * long work, and its HTML form). It imports nothing of r1kit, so any package may use it.
 */
package io.r1kit.display;
