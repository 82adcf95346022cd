/**
 * Evaluation metrics of the 3D scene benchmarks, computed as the official scorers compute them:
 * the COCO caption metrics (BLEU-1..4, CIDEr-D, ROUGE-L, METEOR) over {@link io.r1kit.eval.PtbTokenizer}
 * tokens, exact match (EM@1 and the refined EM of ScanQA/SQA3D), and box metrics (3D IoU accuracy
 * of ScanRefer, Scan2Cap's m@kIoU). {@link io.r1kit.eval.Benchmark} runs a task protocol over files.
 */
package io.r1kit.eval;
