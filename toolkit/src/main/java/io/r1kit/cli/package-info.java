/**
 * The {@code r1kit} command line (verbs per the design's CLI contract). Every verb prints human
 * text by default and one JSON object with {@code --json} (the {@code JsonOutput} mixin);
 * commands that only group verbs extend {@code GroupCommand}; bad input exits non-zero
 * with one line naming the file and the problem.
 */
package io.r1kit.cli;
