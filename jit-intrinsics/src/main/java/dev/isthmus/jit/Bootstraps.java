package dev.isthmus.jit;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Bootstrap methods that generated classes name in their constant pools; public because
 * those classes live in their VM's packages. Not an API to call from Java.
 */
public final class Bootstraps {
    private Bootstraps() {
    }

    /**
     * Links an {@code invokedynamic} for good to the method handle at {@code index} in the
     * caller's class data ({@link NativeCall#emit}). A {@link ConstantCallSite}'s target is
     * a constant to the JIT compiler, as an {@code ldc} of the handle would be; the name is
     * only for reading ({@code javap} shows the symbol).
     */
    public static CallSite classDataCall(MethodHandles.Lookup caller, String name, MethodType type, int index)
            throws IllegalAccessException {
        MethodHandle target = MethodHandles.classDataAt(caller, ConstantDescs.DEFAULT_NAME, MethodHandle.class, index);
        if (target == null || !target.type().equals(type)) {
            throw new IllegalArgumentException(name + ": the call site's type " + type + " is not its handle's type "
                    + (target == null ? "(no handle)" : target.type()));
        }
        return new ConstantCallSite(target);
    }
}
