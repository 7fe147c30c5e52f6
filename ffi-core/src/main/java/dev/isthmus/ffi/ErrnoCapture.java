package dev.isthmus.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * {@code errno} as LuaJIT's {@code ffi.errno()} sees it: the value C left in errno at the
 * end of the last generic call on this thread. The JVM itself may change errno between
 * two calls, so it is read inside the call by the linker ({@code captureCallState}) into a
 * per-thread segment, never afterwards. Setting it also sets the C library's errno, through
 * glibc's {@code __errno_location}.
 */
final class ErrnoCapture {
    static final Linker.Option OPTION = Linker.Option.captureCallState("errno");
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private final ThreadLocal<MemorySegment> state = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(STATE));
    private final ThreadLocal<int[]> last = ThreadLocal.withInitial(() -> new int[1]);
    private final MethodHandle errnoLocation;

    ErrnoCapture(Linker linker) {
        this.errnoLocation = linker.defaultLookup().find("__errno_location")
                .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(ValueLayout.ADDRESS)))
                .orElse(null);
    }

    /** This thread's capture segment, passed as the capture-state argument of a call. */
    MemorySegment segment() {
        return state.get();
    }

    /** Called after a call: remembers what the call left in errno. */
    void remember() {
        last.get()[0] = (int) ERRNO.get(state.get(), 0L);
    }

    int get() {
        return last.get()[0];
    }

    /** Sets the remembered value and C's errno; returns the previous remembered value. */
    int set(int value) {
        int previous = last.get()[0];
        last.get()[0] = value;
        if (errnoLocation != null) {
            try {
                MemorySegment location = ((MemorySegment) errnoLocation.invokeExact()).reinterpret(Integer.BYTES);
                location.set(ValueLayout.JAVA_INT, 0, value);
            } catch (Throwable t) {
                throw new IllegalStateException("cannot set errno: " + t, t);
            }
        }
        return previous;
    }
}
