/**
 * The 3D-R1 experiment in miniature ({@link io.r1kit.train.experiment.R1Experiment}): probe the starting
 * model's headroom, train GRPO over a few seeds, train the SFT-continuation control at equal compute, and
 * evaluate all of them on the same held-out questions, paired per prompt; {@link
 * io.r1kit.train.experiment.ExperimentTable} and {@link io.r1kit.train.experiment.ExperimentCharts} report it.
 */
package io.r1kit.train.experiment;
