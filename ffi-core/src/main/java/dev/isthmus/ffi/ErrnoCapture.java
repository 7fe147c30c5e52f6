package dev.isthmus.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@code errno} as LuaJIT's {@code ffi.errno()} sees it: the value C left in errno at the
 * end of the last generic call on this thread. The JVM itself may change errno between
 * two calls (loading a class probes files and leaves ENOENT), so it is read inside the call
 * by the linker ({@code captureCallState}) into a per-thread segment, never afterwards, and
 * set back just before each call when it differs ({@link ThreadErrno}): a function that does
 * not touch errno ({@code abs}) leaves what the previous call left, or what
 * {@code ffi.errno(n)} set, as in LuaJIT, not what the JVM did in between. Writing it goes
 * through glibc's {@code __errno_location}; without it (another C library) errno is only read.
 */
final class ErrnoCapture {
    static final Linker.Option OPTION = Linker.Option.captureCallState("errno");

    private static final MethodHandle CURRENT_SEGMENT;
    private static final MethodHandle RESTORE_AT;
    private static final MethodHandle STATE_AT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CURRENT_SEGMENT = lookup.findVirtual(ErrnoCapture.class, "currentSegment", MethodType.methodType(MemorySegment.class));
            RESTORE_AT = lookup.findStatic(ThreadErrno.class, "restoreAt",
                    MethodType.methodType(void.class, ErrnoCapture.class, long.class, long.class));
            STATE_AT = lookup.findStatic(ThreadErrno.class, "stateAt", MethodType.methodType(MemorySegment.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ThreadLocal<ThreadErrno> perThread;
    /**
     * The state most recently looked up, checked against the current thread before use: a
     * program calling from one thread skips the thread-local lookup. Racy on purpose: a
     * thread reads either its own state or another's, which the owner check rejects, and
     * the fields the check reads are final, so a state is never seen half-built.
     */
    private ThreadErrno recent;
    private final MethodHandle errnoLocation;

    ErrnoCapture(Linker linker) {
        this.errnoLocation = linker.defaultLookup().find("__errno_location")
                .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(ValueLayout.ADDRESS)))
                .orElse(null);
        this.perThread = ThreadLocal.withInitial(() -> new ThreadErrno(errnoLocation));
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

    /**
     * {@link #bindCurrentState}'s handle taking this thread's state as the two addresses of
     * {@link ThreadErrno} first ({@code long stateAddress, long errnoAddress}), for compiled code
     * that takes them once for many calls: each call restores errno through them and passes the
     * capture state made from its address, which a compiler that inlines the call never allocates.
     */
    MethodHandle bindAddressedState(MethodHandle capturing, int statePosition) {
        // (..., long stateAddress at statePosition, ...)
        MethodHandle atAddress = MethodHandles.filterArguments(capturing, statePosition, STATE_AT);
        MethodType type = atAddress.type();
        MethodType addressed = type.dropParameterTypes(statePosition, statePosition + 1).insertParameterTypes(0, long.class, long.class);
        int[] reorder = new int[type.parameterCount()];
        for (int i = 0; i < reorder.length; i++) {
            // Parameter i of atAddress from the addressed list: the state address is its 0, the C arguments follow the two addresses.
            reorder[i] = i == statePosition ? 0 : i < statePosition ? i + 2 : i + 1;
        }
        MethodHandle reordered = MethodHandles.permuteArguments(atAddress, addressed, reorder);
        MethodHandle restore = MethodHandles.insertArguments(RESTORE_AT, 0, this);
        return Callback.rethrowingPending(MethodHandles.foldArguments(reordered, 0, restore));
    }

    /** The capture segment of this thread's next call, errno restored for it. */
    private MemorySegment currentSegment() {
        ThreadErrno state = current();
        state.restore();
        return state.segment;
    }

    /** This thread's state: its segment is the capture-state argument of a call. */
    ThreadErrno current() {
        ThreadErrno state = recent;
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
        ThreadErrno state = current();
        int previous = state.last();
        state.setLast(value);
        state.restore();
        return previous;
    }
}
