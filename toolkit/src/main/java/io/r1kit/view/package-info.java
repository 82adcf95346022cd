/**
 * Dynamic view selection (3D-R1 paper §3, Eq. 6–7): candidate cameras around a scene
 * ({@link io.r1kit.view.CandidateViews}), three scores per rendered view
 * ({@link io.r1kit.view.ViewScorer}), utility and top-k ({@link io.r1kit.view.ViewSelector}).
 */
package io.r1kit.view;
