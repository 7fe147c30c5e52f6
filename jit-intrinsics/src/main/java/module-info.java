/**
 * jit-intrinsics: native calls, C memory accesses, C conversions and guards emitted as JVM
 * bytecode with ASM, and invokedynamic call sites for interpreters. Knows nothing of any
 * particular language. Run with {@code --enable-native-access=dev.isthmus.jit} on the module
 * path ({@code ALL-UNNAMED} on the class path): its memory accessors reach all of memory.
 */
module dev.isthmus.jit {
    requires transitive dev.isthmus.ffi;
    requires transitive org.objectweb.asm;

    exports dev.isthmus.jit;
}
