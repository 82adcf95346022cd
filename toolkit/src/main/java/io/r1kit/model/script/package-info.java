/**
 * Fused PyTorch kernels that DJL's operator set does not reach: a TorchScript module is written as text by
 * {@link io.r1kit.model.script.ScriptArchive} (no Python involved) and loaded into the engine, and
 * {@link io.r1kit.model.script.FusedOps} calls it, so one bridge crossing runs one ATen kernel (SiLU, the
 * RMSNorm of transformers, fused AdamW) where the plain operators would take several passes over memory.
 */
package io.r1kit.model.script;
