package dev.isthmus.lua.runtime;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C library's {@code pow}, which PUC Lua and LuaJIT compute {@code ^} with: Java's
 * {@code Math.pow} rounds some exact ties the other way (10^23) and differs on special cases
 * ({@code 1 ^ nan} is 1 in C). A critical downcall: it takes no heap memory and calls nothing
 * back, so it costs little more than the intrinsic.
 */
public final class CMath {
    private static final MethodHandle POW = link();

    private CMath() {
    }

    private static MethodHandle link() {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("pow")
                .map(pow -> linker.downcallHandle(pow, FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE,
                        ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE), Linker.Option.critical(false)))
                .orElse(null);
    }

    public static double pow(double x, double y) {
        if (POW == null) {
            return Math.pow(x, y);
        }
        try {
            return (double) POW.invokeExact(x, y);
        } catch (Throwable e) {
            throw new IllegalStateException("pow", e);
        }
    }
}
