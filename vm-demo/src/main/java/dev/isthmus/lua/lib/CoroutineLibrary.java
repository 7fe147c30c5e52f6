package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.CallStack;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.Coroutine;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

/**
 * Lua's coroutine library (Lua 5.1 manual 5.2) with LuaJIT's {@code isyieldable}. Switching
 * coroutines swaps the interpreter's call stack along with the running coroutine.
 */
public final class CoroutineLibrary {
    private final LuaRuntime runtime;

    private CoroutineLibrary(LuaRuntime runtime) {
        this.runtime = runtime;
    }

    public static LuaTable install(LuaRuntime runtime) {
        CoroutineLibrary lib = new CoroutineLibrary(runtime);
        LuaTable t = new LibraryTable()
                .add("create", args -> LibraryTable.results(lib.create(new Arguments("create", args).checkFunction(0))))
                .add("resume", lib::resume)
                .add("yield", lib::yield)
                .add("status", args -> LibraryTable.results(lib.checkCoroutine("status", args).status().luaName()))
                .add("running", args -> {
                    Coroutine c = runtime.currentCoroutine();
                    return LibraryTable.results(c == runtime.mainCoroutine() ? null : c);
                })
                .add("isyieldable", args -> LibraryTable.results(runtime.currentCoroutine() != runtime.mainCoroutine()))
                .add("wrap", args -> {
                    Coroutine c = lib.create(new Arguments("wrap", args).checkFunction(0));
                    return LibraryTable.results(new JavaFunction("wrap", wrapArgs -> lib.resumeOrThrow(c, wrapArgs)));
                })
                .table();
        runtime.globals().put(LuaString.of("coroutine"), t);
        return t;
    }

    private Coroutine create(LuaFunction f) {
        Coroutine c = new Coroutine(f::call);
        c.setExecutionState(new CallStack());
        c.setEnvironment(runtime.threadEnvironment());
        return c;
    }

    private Coroutine checkCoroutine(String name, Object[] args) {
        Arguments a = new Arguments(name, args);
        if (a.get(0) instanceof Coroutine c) {
            return c;
        }
        throw a.bad(0, "coroutine expected");
    }

    private Object[] resume(Object[] args) {
        Coroutine c = checkCoroutine("resume", args);
        Object[] rest = new Object[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        try {
            return LibraryTable.succeeded(transfer(c, rest));
        } catch (LuaError e) {
            return LibraryTable.results(Boolean.FALSE, e.value());
        }
    }

    private Object[] resumeOrThrow(Coroutine c, Object[] args) {
        try {
            return transfer(c, args);
        } catch (LuaError e) {
            throw LuaError.atLevel(e.value(), e.value() instanceof LuaString ? 1 : 0);
        }
    }

    /**
     * How deep coroutines may resume one another. Each resume inside a coroutine keeps the
     * resumer's continuation alive, some 7 KB of heap each, so a script resuming new coroutines
     * without end would fill the heap slowly; LuaJIT keeps them on the C stack, which on
     * Debian's build holds 100,000 of them and overflows (a crash) before 200,000. Past this
     * limit a resume fails with the message LuaJIT's resume gives for a C stack overflow.
     */
    private static final int MAX_NESTED_RESUMES = 110_000;
    private int resumesInProgress;

    /** Resumes {@code c} with {@code args}; returns what it yields or returns, or throws its error. */
    private Object[] transfer(Coroutine c, Object[] args) {
        if (c.status() == Coroutine.Status.DEAD) {
            throw new LuaError(LuaString.of("cannot resume dead coroutine"));
        }
        if (c.status() != Coroutine.Status.SUSPENDED) {
            // LuaJIT's wording for a running or a normal coroutine alike (Lua 5.1 says "non-suspended").
            throw new LuaError(LuaString.of("cannot resume running coroutine"));
        }
        if (resumesInProgress >= MAX_NESTED_RESUMES) {
            throw new LuaError(LuaString.of("C stack overflow"));
        }
        Coroutine previous = runtime.currentCoroutine();
        CallStack previousStack = runtime.callStack();
        previous.setStatus(Coroutine.Status.NORMAL);
        resumesInProgress++;
        runtime.setCurrentCoroutine(c);
        runtime.setCallStack((CallStack) c.executionState());
        try {
            return c.resume(args);
        } finally {
            resumesInProgress--;
            runtime.setCurrentCoroutine(previous);
            runtime.setCallStack(previousStack);
            previous.setStatus(Coroutine.Status.RUNNING);
        }
    }

    private Object[] yield(Object[] args) {
        Coroutine c = runtime.currentCoroutine();
        if (c == runtime.mainCoroutine()) {
            // LuaJIT's wording: the main chunk runs under the host's C call, so its yield crosses one.
            throw new LuaError("attempt to yield across C-call boundary");
        }
        if (c.isInsideCallback()) {
            throw new LuaError("attempt to yield across C-call boundary");
        }
        return c.yield(args);
    }
}
