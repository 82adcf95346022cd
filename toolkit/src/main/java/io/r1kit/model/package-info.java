/**
 * Models on DJL's PyTorch engine. {@link io.r1kit.model.Engines} starts the engine offline and
 * picks the device (a GPU when one is present, else the CPU).
 */
package io.r1kit.model;
