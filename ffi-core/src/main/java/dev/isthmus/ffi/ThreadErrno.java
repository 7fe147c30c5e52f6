package dev.isthmus.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * One thread's errno as an {@link Ffi}'s errno-capturing calls keep it ({@link Ffi#threadErrno()}):
 * a capture-state struct where the linker leaves C's errno at the end of each call (the value
 * {@link Ffi#errno()} reports), and the thread's own errno, which each call first sets back
 * to that value. Compiled code that makes many calls on one thread takes the two
 * {@linkplain #stateAddress() addresses} once and passes them to
 * {@link NativeFunction#callingHandleAt()}, instead of having each call look the thread up.
 *
 * <p>The capture state is owned by this object, which the {@code Ffi} keeps for the thread's
 * life (a thread-local value), so its address stays valid while the thread and the
 * {@code Ffi} live.
 */
public final class ThreadErrno {
    static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final long ERRNO_OFFSET = STATE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    /** All of memory, for the raw accesses at addresses this class hands out. */
    private static final MemorySegment MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    final Thread owner = Thread.currentThread();
    final MemorySegment segment = Arena.ofAuto().allocate(STATE);
    private final long stateAddress = segment.address();
    private final MethodHandle errnoLocation;
    /**
     * This thread's errno, as {@code __errno_location} gives it; 0 without that function, or on
     * a virtual thread, whose carrier (and so its errno) may change between calls.
     */
    private final long errnoAddress;

    ThreadErrno(MethodHandle errnoLocation) {
        this.errnoLocation = errnoLocation;
        this.errnoAddress = errnoLocation == null || owner.isVirtual() ? 0 : locate(errnoLocation);
    }

    private static long locate(MethodHandle errnoLocation) {
        try {
            return ((MemorySegment) errnoLocation.invokeExact()).address();
        } catch (Throwable t) {
            throw new IllegalStateException("cannot locate errno: " + t, t);
        }
    }

    /** The address of the capture-state struct ({@link Linker.Option#captureStateLayout()}) of this thread's calls. */
    public long stateAddress() {
        return stateAddress;
    }

    /**
     * The address of this thread's C errno, or 0 where it is not fixed (a virtual thread) or
     * not known (a C library without {@code __errno_location}): a call then finds it itself.
     */
    public long errnoAddress() {
        return errnoAddress;
    }

    /** The errno the last call left, or what was set since. */
    int last() {
        return MEMORY.get(ValueLayout.JAVA_INT_UNALIGNED, stateAddress + ERRNO_OFFSET);
    }

    void setLast(int value) {
        MEMORY.set(ValueLayout.JAVA_INT_UNALIGNED, stateAddress + ERRNO_OFFSET, value);
    }

    /** Before a call: C's errno is what the last call left (or what was set), whatever the JVM did since. */
    void restore() {
        if (errnoAddress != 0) {
            restoreErrnoAt(errnoAddress, last());
        } else if (errnoLocation != null) {
            restoreErrnoAt(locate(errnoLocation), last());
        }
    }

    /**
     * Sets the errno at {@code errnoAddress} to {@code last}, storing only when it differs.
     * Nearly always it does not: only the JVM's own work between two calls (a class load's
     * file probes, a safepoint's futex wait) changes C's errno. And the store is what costs:
     * the linker's capture reads errno back right after the C function, and a loop of
     * {@code it_add} calls took 0.7 to 0.9 ns longer a call with an unconditional store than
     * with this load and compare (AMD EPYC, JDK 25; docs/trace-compiler.md).
     */
    private static void restoreErrnoAt(long errnoAddress, int last) {
        if (MEMORY.get(ValueLayout.JAVA_INT_UNALIGNED, errnoAddress) != last) {
            MEMORY.set(ValueLayout.JAVA_INT_UNALIGNED, errnoAddress, last);
        }
    }

    /**
     * {@link #restore()} from the two addresses of a thread's state, taken on this thread: plain
     * memory accesses at addresses compiled code keeps in registers. Without an errno address,
     * the state is looked up as each call of {@code capture} does.
     */
    static void restoreAt(ErrnoCapture capture, long stateAddress, long errnoAddress) {
        if (errnoAddress != 0) {
            restoreErrnoAt(errnoAddress, MEMORY.get(ValueLayout.JAVA_INT_UNALIGNED, stateAddress + ERRNO_OFFSET));
        } else {
            capture.current().restore();
        }
    }

    /**
     * The capture-state segment at {@code stateAddress}, made for one call: compiled code that
     * inlines the call sees through it (a segment made and passed at once is never allocated),
     * so the linker's checks of it are checks of a constant size and a loop's invariant address.
     */
    static MemorySegment stateAt(long stateAddress) {
        return MemorySegment.ofAddress(stateAddress).reinterpret(STATE.byteSize());
    }
}
