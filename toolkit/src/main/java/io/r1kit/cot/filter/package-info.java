/**
 * The filters of the data engine (3D-R1, Sec. 3.1): named rules over a chain-of-thought reply, each
 * with its threshold in {@link io.r1kit.cot.filter.FilterConfig}, each returning a
 * {@link io.r1kit.cot.filter.Verdict} with the value it measured.
 */
package io.r1kit.cot.filter;
