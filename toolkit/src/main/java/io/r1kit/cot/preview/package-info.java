/** Looking at CoT data in a notebook: a card per record and summary charts of a data set. */
package io.r1kit.cot.preview;
