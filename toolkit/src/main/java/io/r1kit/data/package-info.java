/**
 * Readers (and for Scene-30K, writers) for the public 3D vision-language annotation sets:
 * ScanRefer, Nr3D, ScanQA, SQA3D, 3D-LLM and Scene-30K. Every reader returns immutable records
 * and reports bad input as a one-line {@link io.r1kit.data.DataFormatException} naming the file,
 * the record or line, and the problem. {@link io.r1kit.data.AnnotationFormat} guesses a file's
 * format and {@link io.r1kit.data.AnnotationSummary} counts records per scene for a CLI.
 */
package io.r1kit.data;
