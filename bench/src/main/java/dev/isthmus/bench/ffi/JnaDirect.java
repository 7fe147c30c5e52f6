package dev.isthmus.bench.ffi;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * JNA's direct mapping of the benchmarked functions: {@code native} methods bound by
 * {@link Native#register}, JNA's fastest way to call C.
 */
final class JnaDirect {
    private JnaDirect() {
    }

    /** {@code int it_add(int, int)} from native-test-libs. */
    static final class TestLibrary {
        static {
            Native.register(TestLibrary.class, NativeLibrary.getInstance(NativeCallBench.LIBRARY.toAbsolutePath().toString()));
        }

        static native int it_add(int a, int b);

        private TestLibrary() {
        }
    }

    /** libc's {@code size_t strlen(const char *)}. */
    static final class C {
        static {
            Native.register(C.class, NativeLibrary.getInstance("c"));
        }

        static native long strlen(Pointer s);

        private C() {
        }
    }
}
