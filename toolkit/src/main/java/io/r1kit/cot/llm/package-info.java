/** The CoT back end over any OpenAI-compatible chat-completions endpoint ({@code java.net.http}; no SDK). */
package io.r1kit.cot.llm;
