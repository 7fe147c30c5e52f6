package dev.isthmus.ffi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link NativeFunction#callingHandleAt()}: the calling handle with the thread's errno state
 * passed as {@link ThreadErrno}'s two addresses keeps errno as {@link NativeFunction#invoke}
 * does, on a platform thread (errno at a fixed address) and on a virtual thread (none).
 */
class ThreadErrnoTest {
    private static Ffi ffi;
    private static NativeLibrary lib;

    @BeforeAll
    static void declare() throws Exception {
        ffi = TestLibraries.declaredFfi();
        lib = TestLibraries.load(ffi);
    }

    /** The calls of the class comment through {@code callingHandleAt}, with the addresses taken once; returns what they saw. */
    private static String callsThroughAddresses() throws Throwable {
        ThreadErrno state = ffi.threadErrno();
        long at = state.stateAddress();
        long errno = state.errnoAddress();
        MethodHandle fail = lib.function("it_fail_with").callingHandleAt();
        MethodHandle succeed = lib.function("it_succeed").callingHandleAt();
        MethodHandle get = lib.function("it_get_errno").callingHandleAt();
        int failed = (int) fail.invokeExact(at, errno, 42);
        int afterFail = ffi.errno();
        int succeeded = (int) succeed.invokeExact(at, errno);
        int afterSuccess = ffi.errno();
        ffi.errno(7);
        int seenByC = (int) get.invokeExact(at, errno);
        return failed + " " + afterFail + " " + succeeded + " " + afterSuccess + " " + seenByC + " " + ffi.errno();
    }

    @Test
    void callingHandleAt_onAPlatformThread_keepsErrnoAsInvokeDoes() throws Throwable {
        assertNotEquals(0, ffi.threadErrno().errnoAddress(), "glibc's errno has an address on a platform thread");
        assertEquals("-1 42 0 42 7 7", callsThroughAddresses());
    }

    /** Calls through handles, which may throw anything. */
    private interface Calls {
        String run() throws Throwable;
    }

    /** What {@code calls} returns when run on a virtual thread (whose errno has no fixed address), or what it threw. */
    private static Object onAVirtualThread(Calls calls) throws InterruptedException {
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                seen.set(calls.run());
            } catch (Throwable t) {
                seen.set(t);
            }
        }).join();
        return seen.get();
    }

    @Test
    void callingHandleAt_onAVirtualThread_findsErrnoAtEachCall() throws Throwable {
        assertEquals("0 -1 42 0 42 7 7", onAVirtualThread(() -> ffi.threadErrno().errnoAddress() + " " + callsThroughAddresses()));
    }

    /**
     * A failing call, then C's errno changed behind the FFI's back (a plain downcall, as the
     * JVM's own work between two calls may change it), then a call that reads errno: what C
     * sees and what {@link Ffi#errno()} reports afterwards.
     */
    private static String callsAroundAChangeBehindTheFfi() throws Throwable {
        ThreadErrno state = ffi.threadErrno();
        MethodHandle fail = lib.function("it_fail_with").callingHandleAt();
        MethodHandle get = lib.function("it_get_errno").callingHandleAt();
        MethodHandle change = lib.function("it_set_errno").handle();
        int failed = (int) fail.invokeExact(state.stateAddress(), state.errnoAddress(), 42);
        change.invokeExact(9);
        int seenByC = (int) get.invokeExact(state.stateAddress(), state.errnoAddress());
        return failed + " " + seenByC + " " + ffi.errno();
    }

    @Test
    void callingHandleAt_afterErrnoChangedBetweenCalls_setsItBackBeforeTheCall() throws Throwable {
        assertEquals("-1 42 42", callsAroundAChangeBehindTheFfi());
    }

    @Test
    void callingHandleAt_onAVirtualThread_afterErrnoChangedBetweenCalls_setsItBackBeforeTheCall() throws Throwable {
        assertEquals("-1 42 42", onAVirtualThread(ThreadErrnoTest::callsAroundAChangeBehindTheFfi));
    }

    @Test
    void threadErrno_isTheThreadsOwn() throws Throwable {
        assertSame(ffi.threadErrno(), ffi.threadErrno());
        AtomicReference<ThreadErrno> other = new AtomicReference<>();
        Thread thread = new Thread(() -> other.set(ffi.threadErrno()));
        thread.start();
        thread.join();
        assertNotEquals(ffi.threadErrno().stateAddress(), other.get().stateAddress());
        assertNotEquals(ffi.threadErrno().errnoAddress(), other.get().errnoAddress());
    }

    @Test
    void callingHandleAt_ofAStructResult_takesTheAddressesBeforeTheAllocator() throws Throwable {
        MethodHandle make = lib.function("it_bft_make").callingHandleAt();
        ThreadErrno state = ffi.threadErrno();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment made = (MemorySegment) make.invokeExact(state.stateAddress(), state.errnoAddress(), (SegmentAllocator) arena, 7, -2000);
            CData tagged = ffi.view("struct it_bf_tagged", made);
            assertEquals(7L, ((Number) tagged.get("tag")).longValue());
            assertEquals(-2000L, ((Number) tagged.get("v")).longValue());
        }
    }

    @Test
    void callingHandleAt_rethrowsWhatACallbackThrew() {
        IllegalStateException boom = new IllegalStateException("boom");
        Callback thrower = ffi.callback("it_double_fn", args -> {
            throw boom;
        });
        MethodHandle twice = lib.function("it_call_twice").callingHandleAt();
        ThreadErrno state = ffi.threadErrno();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            double ignored = (double) twice.invokeExact(state.stateAddress(), state.errnoAddress(), thrower.pointer(), 1.0);
        });
        assertSame(boom, thrown);
        thrower.free();
    }

    @Test
    void callingHandleAt_ofADeclarationWithoutErrno_isRefused() {
        Ffi fresh = Ffi.create();
        fresh.cdef("int it_add(int a, int b) __attribute__((annotate(\"isthmus:noerrno\")));");
        NativeFunction add = fresh.load(TestLibraries.library().toString()).function("it_add");
        assertThrows(IllegalStateException.class, add::callingHandleAt);
    }
}
