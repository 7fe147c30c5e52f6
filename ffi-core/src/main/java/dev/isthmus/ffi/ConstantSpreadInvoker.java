package dev.isthmus.ffi;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The template of {@link SpreadInvoker#of}: never loaded under its own name, only defined
 * as a hidden class whose class data is the handle to call. Its static initializer reads
 * that class data (which only a hidden class has) into a {@code static final} field, which
 * the JIT compiler treats as a constant.
 */
final class ConstantSpreadInvoker implements SpreadInvoker {
    private static final MethodHandle TARGET;

    static {
        try {
            TARGET = MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Object invoke(Object[] arguments) throws Throwable {
        return TARGET.invokeExact(arguments);
    }
}
