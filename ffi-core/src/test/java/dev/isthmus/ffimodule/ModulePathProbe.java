package dev.isthmus.ffimodule;

import dev.isthmus.ffi.Ffi;

/**
 * A program outside the modules that uses them from the module path: run by
 * {@code ModulePathTest} in a JVM of its own. It prints what {@code strlen} returns.
 */
public final class ModulePathProbe {
    private ModulePathProbe() {
    }

    public static void main(String[] args) {
        Ffi ffi = Ffi.create();
        ffi.cdef("size_t strlen(const char *s);");
        System.out.println("strlen=" + ffi.C().function("strlen").invoke("module path") + " module="
                + Ffi.class.getModule().getName());
    }
}
