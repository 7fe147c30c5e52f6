package dev.isthmus.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/**
 * {@code errno} as LuaJIT's {@code ffi.errno()} sees it: the value C left in errno at the
 * end of the last generic call on this thread. The JVM itself may change errno between
 * two calls (loading a class probes files and leaves ENOENT), so it is read inside the call
 * by the linker ({@code captureCallState}) into a per-thread segment, never afterwards, and
 * written back just before each call: a function that does not touch errno ({@code abs})
 * leaves what the previous call left, or what {@code ffi.errno(n)} set, as in LuaJIT, not
 * what the JVM did in between. Writing it goes through glibc's {@code __errno_location};
 * without it (another C library) errno is only read.
 */
final class ErrnoCapture {
    static final Linker.Option OPTION = Linker.Option.captureCallState("errno");
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /**
     * One thread's capture segment, which holds the errno its last call left (the linker
     * writes it there after each call; {@link #set} too): nothing to copy after a call.
     */
    static final class PerThread {
        final Thread owner = Thread.currentThread();
        final MemorySegment segment = Arena.ofAuto().allocate(STATE);
        private final MethodHandle errnoLocation;
        /**
         * This thread's errno, as {@code __errno_location} gives it; null without that function,
         * or on a virtual thread, whose carrier (and so its errno) may change between calls.
         */
        private final MemorySegment location;

        PerThread(MethodHandle errnoLocation) {
            this.errnoLocation = errnoLocation;
            this.location = errnoLocation == null || owner.isVirtual() ? null : locate(errnoLocation);
        }

        private static MemorySegment locate(MethodHandle errnoLocation) {
            try {
                return ((MemorySegment) errnoLocation.invokeExact()).reinterpret(Integer.BYTES);
            } catch (Throwable t) {
                throw new IllegalStateException("cannot locate errno: " + t, t);
            }
        }

        /** The errno the last call left, or what was set since. */
        int last() {
            return (int) ERRNO.get(segment, 0L);
        }

        void setLast(int value) {
            ERRNO.set(segment, 0L, value);
        }

        /** Before a call: C's errno is what the last call left (or what was set), whatever the JVM did since. */
        void restore() {
            if (location != null) {
                location.set(ValueLayout.JAVA_INT, 0, last());
            } else if (errnoLocation != null) {
                locate(errnoLocation).set(ValueLayout.JAVA_INT, 0, last());
            }
        }
    }

    private static final MethodHandle CURRENT_SEGMENT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CURRENT_SEGMENT = lookup.findVirtual(ErrnoCapture.class, "currentSegment", MethodType.methodType(MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ThreadLocal<PerThread> perThread;
    /**
     * The state most recently looked up, checked against the current thread before use: a
     * program calling from one thread skips the thread-local lookup. Racy on purpose: a
     * thread reads either its own state or another's, which the owner check rejects, and
     * the fields the check reads are final, so a state is never seen half-built.
     */
    private PerThread recent;
    private final MethodHandle errnoLocation;

    ErrnoCapture(Linker linker) {
        this.errnoLocation = linker.defaultLookup().find("__errno_location")
                .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(ValueLayout.ADDRESS)))
                .orElse(null);
        this.perThread = ThreadLocal.withInitial(() -> new PerThread(errnoLocation));
    }

    /**
     * {@code capturing} (a handle made with {@link #OPTION}, whose capture-state segment is
     * parameter {@code statePosition}) without that parameter: each call passes this
     * thread's segment (where the linker leaves errno, which is then what {@link #get}
     * reads) and rethrows what a callback threw, as the generic path does. The result has the type of the handle made without the option.
     */
    MethodHandle bindCurrentState(MethodHandle capturing, int statePosition) {
        MethodHandle segment = CURRENT_SEGMENT.bindTo(this);
        return Callback.rethrowingPending(MethodHandles.foldArguments(capturing, statePosition, segment));
    }

    /** The capture segment of this thread's next call, errno restored for it. */
    private MemorySegment currentSegment() {
        PerThread state = current();
        state.restore();
        return state.segment;
    }

    /** This thread's state: its segment is the capture-state argument of a call. */
    PerThread current() {
        PerThread state = recent;
        if (state != null && state.owner == Thread.currentThread()) {
            return state;
        }
        state = perThread.get();
        recent = state;
        return state;
    }

    int get() {
        return current().last();
    }

    /** Sets the remembered value and C's errno; returns the previous remembered value. */
    int set(int value) {
        PerThread state = current();
        int previous = state.last();
        state.setLast(value);
        state.restore();
        return previous;
    }
}
