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
 * critical one. Prints {@code name ns-per-call check} lines as bench/lua/harness.lua does,
 * the best round of at least 15 and three seconds.
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

    private interface Loop {
        int run(int n) throws Throwable;
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

    private static void measure(String name, Loop loop) throws Throwable {
        int n = 1_000_000;
        double best = Double.MAX_VALUE;
        int check = 0;
        long started = System.nanoTime();
        for (int round = 0; round < 15 || System.nanoTime() - started < 3_000_000_000L; round++) {
            long t0 = System.nanoTime();
            check = loop.run(n);
            best = Math.min(best, (System.nanoTime() - t0) / (double) n);
        }
        System.out.println(name + "\t" + best + "\t" + check);
    }

    public static void main(String[] args) throws Throwable {
        measure("java_call", CallLoopBaseline::plain);
        measure("java_call_errno", CallLoopBaseline::capturing);
        measure("java_call_critical", CallLoopBaseline::critical);
    }
}
