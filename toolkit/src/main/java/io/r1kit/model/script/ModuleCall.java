package io.r1kit.model.script;

import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a TorchScript module's {@code forward} on IValues with autograd left on. DJL's public calls either
 * turn gradients off ({@code IValueUtils.runMethod}) or take arrays whose names they parse into lists and
 * dictionaries ({@code IValueUtils.forward(block, NDList, true)}: a parameter named {@code model.norm.weight}
 * becomes a dictionary), so the native entry point both use is called here directly. It is internal to
 * DJL 0.36's PyTorch engine; if a later DJL moves it, the first fused call fails with a message naming it.
 */
final class ModuleCall {

    private static final Object LIBRARY;
    private static final Method RUN_METHOD;      // (module, method, ivalues, isTrain, separateCudaStream) -> ivalue
    private static final Constructor<IValue> WRAP;
    private static final RuntimeException UNAVAILABLE;

    static {
        Object library = null;
        Method run = null;
        Constructor<IValue> wrap = null;
        RuntimeException unavailable = null;
        try {
            Class<?> lib = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
            var field = lib.getDeclaredField("LIB");
            field.setAccessible(true);
            library = field.get(null);
            run = lib.getDeclaredMethod("moduleRunMethod", long.class, String.class, long[].class, boolean.class,
                    boolean.class);
            run.setAccessible(true);
            wrap = IValue.class.getDeclaredConstructor(long.class);
            wrap.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = new IllegalStateException("fused kernels need DJL 0.36's PyTorchLibrary.moduleRunMethod: " + e, e);
        }
        LIBRARY = library;
        RUN_METHOD = run;
        WRAP = wrap;
        UNAVAILABLE = unavailable;
    }

    private ModuleCall() {}

    /** {@code module.forward(inputs)}, recording gradients as the calling thread does; the caller closes the result. */
    static IValue forward(PtSymbolBlock module, IValue... inputs) {
        if (UNAVAILABLE != null) {
            throw UNAVAILABLE;
        }
        long[] handles = new long[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            handles[i] = inputs[i].getHandle();
        }
        JniUtils.setGraphExecutorOptimize(false); // this thread's setting: no profiling runs, no re-specialising per shape
        try {
            long out = (long) RUN_METHOD.invoke(LIBRARY, module.getHandle(), "forward", handles, true, false);
            return WRAP.newInstance(out);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fused kernel call failed: " + e, e);
        }
    }
}
