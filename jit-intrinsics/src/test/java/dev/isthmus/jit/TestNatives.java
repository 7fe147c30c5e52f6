package dev.isthmus.jit;

import dev.isthmus.ffi.Ffi;
import dev.isthmus.ffi.NativeLibrary;

import java.nio.file.Files;
import java.nio.file.Path;

/** The native test library that every module's tests use (built by native-test-libs), and libc, declared for these tests. */
final class TestNatives {
    static final Ffi FFI = Ffi.create();
    static final NativeLibrary LIB;

    static {
        FFI.cdef("""
                size_t strlen(const char *s);
                int abs(int x);
                int it_add(int a, int b);
                int it_fail_with(int e);
                int it_succeed(void);
                int8_t it_id_int8(int8_t v); uint8_t it_id_uint8(uint8_t v);
                int16_t it_id_int16(int16_t v); uint16_t it_id_uint16(uint16_t v);
                int32_t it_id_int32(int32_t v); uint32_t it_id_uint32(uint32_t v);
                int64_t it_id_int64(int64_t v); uint64_t it_id_uint64(uint64_t v);
                bool it_id_bool(bool v); float it_id_float(float v); double it_id_double(double v);
                void *it_id_ptr(void *v);
                """);
        Path lib = Path.of(System.getProperty("isthmus.testlibs", "../native-test-libs/target/native"), "libisthmustest.so");
        if (!Files.isRegularFile(lib)) {
            throw new IllegalStateException("the native test library is not built: " + lib.toAbsolutePath());
        }
        LIB = FFI.load(lib.toString());
    }

    private TestNatives() {
    }

    /** The test library's {@code it_id_<name>} identity function of a scalar. */
    static String identityOf(CScalar scalar) {
        return "it_id_" + (scalar == CScalar.POINTER ? "ptr" : scalar.name().toLowerCase(java.util.Locale.ROOT));
    }
}
