/**
 * The data engine's instruction examples, one generator per task: {@link io.r1kit.cot.tasks.DenseCaptions},
 * {@link io.r1kit.cot.tasks.ObjectCaptions}, {@link io.r1kit.cot.tasks.Grounding},
 * {@link io.r1kit.cot.tasks.QuestionAnswering}, {@link io.r1kit.cot.tasks.Dialogues},
 * {@link io.r1kit.cot.tasks.Reasoning} and {@link io.r1kit.cot.tasks.Planning}, run together by
 * {@link io.r1kit.cot.tasks.InstructionGenerator} over a generated room's exact scene graph. Each
 * {@link io.r1kit.cot.tasks.Example} carries the {@link io.r1kit.cot.tasks.Fact}s its answer claims;
 * {@link io.r1kit.cot.tasks.FactCheck} reads whether a text states one, and
 * {@link io.r1kit.cot.tasks.FactAccuracy} scores a predicted answer by the facts its reference states.
 */
package io.r1kit.cot.tasks;
