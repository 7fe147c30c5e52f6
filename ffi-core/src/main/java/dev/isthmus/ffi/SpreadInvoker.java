package dev.isthmus.ffi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Calls one {@code (Object[])Object} method handle that the JIT compiler sees as a
 * constant, so the generic call path gets the inlined downcall that a {@code static final}
 * handle gets, though each {@link NativeFunction} has its own handle.
 *
 * <p>Why: a handle read from an instance field is not a constant to C2; invoking it goes
 * through the handle's lambda form out of line, which costs about as much as the native
 * call itself. A {@code static final} field is a constant. {@link #of} therefore defines,
 * per handle, a hidden class from the class file of {@link ConstantSpreadInvoker} (compiled
 * by javac like any class here: nothing is generated or rewritten) with the handle as its
 * class data, which that class's static initializer moves into its {@code static final}
 * field. When the class file cannot be read (an unusual class loader), the handle is held
 * in an ordinary field instead: slower, same results.
 */
interface SpreadInvoker {
    MethodType TYPE = MethodType.methodType(Object.class, Object[].class);

    /** Invokes the handle with the spread arguments. */
    Object invoke(Object[] arguments) throws Throwable;

    /** An invoker of {@code spread}, whose type must be {@link #TYPE}. */
    static SpreadInvoker of(MethodHandle spread) {
        if (!spread.type().equals(TYPE)) {
            throw new IllegalArgumentException("expected a handle of type " + TYPE + ", got " + spread.type());
        }
        byte[] template = Template.BYTES;
        if (template == null) {
            return spread::invokeExact;
        }
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(template, spread, true);
            return (SpreadInvoker) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (Throwable t) {
            throw new IllegalStateException("cannot define the invoker of a native call: " + t, t);
        }
    }

    /** The class file of {@link ConstantSpreadInvoker}, read once; null when unavailable. */
    final class Template {
        static final byte[] BYTES = read();

        private Template() {
        }

        private static byte[] read() {
            try (InputStream in = SpreadInvoker.class.getResourceAsStream("ConstantSpreadInvoker.class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        }
    }
}
