package dev.isthmus.bench.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The loop of {@code bench/lua/ffi_call.lua} ({@code acc = it_add(acc, 1)}, a million times)
 * written in Java against {@code static final} Panama handles: the reference the compiled
 * Lua loops are measured against. Three handles, matching the Lua declarations: a plain
 * downcall, one capturing errno ({@code captureCallState}, into a segment made once), and a
 * critical one. Prints {@code name ns-per-call check} lines as bench/lua/harness.lua does
 * ({@link BestRound}).
 */
public final class CallLoopBaseline {
    private static final MethodHandle PLAIN;
    private static final MethodHandle CAPTURING;
    private static final MethodHandle CRITICAL;
    private static final MemorySegment STATE = Arena.global().allocate(Linker.Option.captureStateLayout());

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup(Path.of(System.getenv("ISTHMUS_TEST_LIB")), Arena.global());
        MemorySegment add = lib.find("it_add").orElseThrow();
        FunctionDescriptor type = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
        PLAIN = linker.downcallHandle(add, type);
        CAPTURING = linker.downcallHandle(add, type, Linker.Option.captureCallState("errno"));
        CRITICAL = linker.downcallHandle(add, type, Linker.Option.critical(false));
    }

    private CallLoopBaseline() {
    }

    private static int plain(int n) throws Throwable {
        int acc = 0;
        for (int i = 1; i <= n; i++) {
            acc = (int) PLAIN.invokeExact(acc, 1);
        }
        return acc;
    }

    private static int capturing(int n) throws Throwable {
        int acc = 0;
        for (int i = 1; i <= n; i++) {
            acc = (int) CAPTURING.invokeExact(STATE, acc, 1);
        }
        return acc;
    }

    private static int critical(int n) throws Throwable {
        int acc = 0;
        for (int i = 1; i <= n; i++) {
            acc = (int) CRITICAL.invokeExact(acc, 1);
        }
        return acc;
    }

    public static void main(String[] args) throws Throwable {
        int n = 1_000_000;
        BestRound.measure("java_call", n, () -> plain(n));
        BestRound.measure("java_call_errno", n, () -> capturing(n));
        BestRound.measure("java_call_critical", n, () -> critical(n));
    }
}
