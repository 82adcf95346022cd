/**
 * Jupyter magics for the JJava kernel. {@link io.r1kit.magics.R1Extension} registers them when
 * the kernel finds this jar on its class path; each magic is a thin shell over a plain toolkit
 * call, so everything a magic does can also be done from JShell or Java.
 */
package io.r1kit.magics;
