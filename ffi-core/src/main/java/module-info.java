/**
 * ffi-core: C declarations to Panama handles and typed native memory, and the ctypes-style
 * reflective path. Run with {@code --enable-native-access=dev.isthmus.ffi} on the module
 * path ({@code ALL-UNNAMED} on the class path).
 */
module dev.isthmus.ffi {
    requires transitive dev.isthmus.cparser;

    exports dev.isthmus.ffi;
    exports dev.isthmus.ffi.ctypes;
}
