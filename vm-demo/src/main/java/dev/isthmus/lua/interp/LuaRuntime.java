package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.CdataLiterals;
import dev.isthmus.lua.bytecode.Compiler;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.parse.Expr;
import dev.isthmus.lua.parse.Parser;
import dev.isthmus.lua.runtime.Coroutine;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

import java.io.PrintStream;

/**
 * One Lua state: globals, the shared string metatable, the interpreter, the running
 * coroutine and the streams the libraries print to. Not thread-safe: one Lua program runs
 * at a time in a state (coroutines take turns, never run together).
 */
public final class LuaRuntime {
    private final LuaTable globals = new LuaTable();
    private final LuaSemantics semantics;
    private final Interpreter interpreter;
    private final PrintStream out;
    private final PrintStream err;
    /**
     * The metatables shared by all values of a type that has no per-value metatable: strings'
     * (the string library), and those {@code debug.setmetatable} gives numbers, booleans, nil,
     * functions and coroutines. Indexed by {@link LuaType#ordinal()}.
     */
    private final LuaTable[] typeMetatables = new LuaTable[LuaType.values().length];
    private CdataLiterals cdataLiterals = CdataLiterals.NONE;
    private Coroutine current = Coroutine.main();
    private final Coroutine main = current;

    public LuaRuntime(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.semantics = new LuaSemantics(this);
        this.interpreter = new Interpreter(this);
        main.setEnvironment(globals);
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> pendingFinalizers = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Queues a finalizer found due by another thread (a {@link java.lang.ref.Cleaner}): Lua
     * code must run on the Lua thread, so it runs at the next safe point
     * ({@code collectgarbage}, or the end of the program).
     */
    public void enqueueFinalizer(Runnable finalizer) {
        pendingFinalizers.add(finalizer);
        arrivedFinalizers.incrementAndGet();
    }

    /** The objects with finalizers not yet found unreachable, weakly (the GC clears these as it finds them). */
    private final java.util.List<java.lang.ref.WeakReference<Object>> finalizable = new java.util.ArrayList<>();
    /** Finalizers whose objects collections found unreachable, and how many of those reached the queue. */
    private long dueFinalizers;
    private final java.util.concurrent.atomic.AtomicLong arrivedFinalizers = new java.util.concurrent.atomic.AtomicLong();

    /** Tracks an object with a finalizer, so a full collection knows which finalizers it made due. */
    public synchronized void finalizerRegistered(Object watched) {
        finalizable.add(new java.lang.ref.WeakReference<>(watched));
    }

    /**
     * {@code collectgarbage("collect")}: a full JVM collection, then the finalizers it made due.
     * The collection clears the weak references to the objects it found unreachable at once,
     * but hands their finalizers to the cleaner thread just after; so this counts the cleared
     * references and waits until that many finalizers have arrived (at most two seconds,
     * against a stalled cleaner), then runs them: the finalizers of everything unreachable run
     * before {@code collectgarbage} returns, as in Lua.
     */
    public void collectGarbage() {
        dropDeadRegisters();
        System.gc();
        synchronized (this) {
            finalizable.removeIf(ref -> {
                if (ref.get() == null) {
                    dueFinalizers++;
                    return true;
                }
                return false;
            });
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (arrivedFinalizers.get() < dueFinalizers && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        runPendingFinalizers();
    }

    /**
     * Clears the registers above the call the innermost Lua frame is making (to
     * {@code collectgarbage}, or to the Java function that collects): in Lua they are dead
     * temporaries, and LuaJIT's collector marks a stack only up to the call's arguments, so
     * an object a loop left in a temporary ({@code for i = 1, n do z = f() end; z = nil}) is
     * collected, and finalized, by the next {@code collectgarbage()}. Here the JVM's
     * collector would find it in the register array. A call with open-ended arguments
     * ({@code f(g())}) is left alone: where its arguments end is not recorded.
     */
    private void dropDeadRegisters() {
        CallStack frames = callStack();
        if (frames == null || frames.depth == 0) {
            return;
        }
        int frame = frames.depth - 1;
        int[] code = frames.closureOf(frame).prototype.code();
        int pc = frames.callPcOf(frame);
        if (pc < 0 || pc * 4 + 2 >= code.length || code[pc * 4] != dev.isthmus.lua.bytecode.Op.CALL || code[pc * 4 + 2] == 0) {
            return;
        }
        // CALL A B: the function in A, B - 1 arguments after it; registers from A + B on are free.
        int firstDead = frames.baseOf(frame) + code[pc * 4 + 1] + code[pc * 4 + 2];
        ValueStack values = frames.values;
        values.clear(Math.min(firstDead, values.slots.length), values.slots.length);
    }

    public void runPendingFinalizers() {
        Runnable r;
        while ((r = pendingFinalizers.poll()) != null) {
            r.run();
        }
    }

    private java.util.function.Function<Object, Double> cdataNumbers = value -> null;

    /** How {@code tonumber} reads cdata: set by the ffi library. */
    public void setCdataNumbers(java.util.function.Function<Object, Double> conversion) {
        this.cdataNumbers = conversion;
    }

    private java.util.function.Function<Object, Long> cdataLongs = value -> null;

    /** How {@code string.format}'s integer conversions read 64-bit cdata exactly: set by the ffi library. */
    public void setCdataLongs(java.util.function.Function<Object, Long> conversion) {
        this.cdataLongs = conversion;
    }

    /** The exact integer a 64-bit cdata holds, or null. */
    public Long cdataToLong(Object value) {
        return cdataLongs.apply(value);
    }

    /** The number a cdata holds ({@code tonumber}), or null. */
    public Double cdataToNumber(Object value) {
        return cdataNumbers.apply(value);
    }

    /** The globals the libraries were installed in: the main thread's environment until {@code setfenv(0, t)} changes it. */
    public LuaTable globals() {
        return globals;
    }

    /** The running thread's environment ({@code getfenv(0)}): where library functions look globals up, what loaded chunks get. */
    public LuaTable threadEnvironment() {
        return current.environment();
    }


    public LuaSemantics semantics() {
        return semantics;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** The metatable all values of {@code type} share, or null (tables, userdata and cdata have their own). */
    public LuaTable typeMetatable(LuaType type) {
        return typeMetatables[type.ordinal()];
    }

    public void setTypeMetatable(LuaType type, LuaTable metatable) {
        typeMetatables[type.ordinal()] = metatable;
    }

    /** What makes the constants of cdata literals ({@code 1LL}, {@code 2i}) in chunks compiled now. */
    public CdataLiterals cdataLiterals() {
        return cdataLiterals;
    }

    public void setCdataLiterals(CdataLiterals literals) {
        this.cdataLiterals = literals;
    }

    public Coroutine currentCoroutine() {
        return current;
    }

    public Coroutine mainCoroutine() {
        return main;
    }

    public void setCurrentCoroutine(Coroutine c) {
        this.current = c;
    }

    public CallStack callStack() {
        return interpreter.callStack();
    }

    public void setCallStack(CallStack stack) {
        interpreter.setCallStack(stack);
    }

    /**
     * Asks the running Lua code to stop with the error "interrupted!" at its next loop
     * iteration, interpreted or compiled (true), or withdraws the request (false); safe from any thread.
     */
    public void setInterruptRequested(boolean requested) {
        interpreter.setInterruptRequested(requested);
    }

    /** The observer the interpreter reports instructions to (a trace recorder), or null. */
    public InstructionObserver observer() {
        return interpreter.observer;
    }

    public void setObserver(InstructionObserver observer) {
        interpreter.observer = observer;
    }

    /** How many callbacks from C are running with a recording set aside ({@link #setObserverAside}). */
    private int observersAside;

    /**
     * C calls back into Lua: the observer of the moment (a recording, which records the C call
     * and not what its callbacks run) is set aside until {@link #takeObserverBack}, so that the
     * callback runs as any call does, its traces entered; and no recording starts inside it
     * meanwhile ({@link #isObserverAside}). Returns the observer set aside, or null.
     */
    public InstructionObserver setObserverAside() {
        InstructionObserver o = interpreter.observer;
        if (o != null) {
            interpreter.observer = null;
            observersAside++;
        }
        return o;
    }

    /** The callback returned (or failed): {@code observer}, as {@link #setObserverAside} gave it, observes again. */
    public void takeObserverBack(InstructionObserver observer) {
        if (observer != null) {
            observersAside--;
            interpreter.observer = observer;
        }
    }

    /** Whether a recording is set aside while a callback runs: none may start now. */
    public boolean isObserverAside() {
        return observersAside > 0;
    }

    /** The trace compiler the interpreter tells of hot loops (null: none). */
    /**
     * The debug library is about to write a local or upvalue from outside its function, or join
     * two upvalues: compiled code that assumed a never-assigned variable keeps its value stops.
     */
    public void variablesRewritten() {
        if (interpreter.loopCompiler != null) {
            interpreter.loopCompiler.variablesRewritten();
        }
    }

    public LoopCompiler loopCompiler() {
        return interpreter.loopCompiler;
    }

    public void setLoopCompiler(LoopCompiler compiler) {
        interpreter.loopCompiler = compiler;
    }

    /** Compiles a chunk; syntax errors are raised as {@link dev.isthmus.lua.parse.LuaSyntaxError}. */
    public Prototype compile(byte[] source, String chunkName) {
        if (dev.isthmus.lua.bytecode.ChunkDump.isBinary(source)) {
            return dev.isthmus.lua.bytecode.ChunkDump.undump(source, chunkName, cdataLiterals);
        }
        Expr.FunctionBody body = Parser.parseChunk(source, chunkName);
        return Compiler.compile(body, chunkName, cdataLiterals);
    }

    /** Compiles a chunk into a function of the main chunk's shape, with {@code environment} as its globals. */
    public LuaClosure load(byte[] source, String chunkName, LuaTable environment) {
        Prototype p = compile(source, chunkName);
        // A dumped function that had upvalues gets fresh ones holding nil, as in Lua 5.1.
        Upvalue[] upvalues = new Upvalue[p.upvalues().size()];
        for (int i = 0; i < upvalues.length; i++) {
            upvalues[i] = Upvalue.closedNil();
        }
        return new LuaClosure(p, upvalues, environment, interpreter);
    }

    /** {@code string.dump}: the function's prototype as a binary chunk {@link #load} accepts. */
    public byte[] dump(LuaClosure f, boolean strip) {
        return dev.isthmus.lua.bytecode.ChunkDump.dump(f.prototype(), strip, cdataLiterals);
    }

    /** Compiles a chunk with the running thread's environment as its globals, as Lua 5.1's {@code lua_load} does. */
    public LuaClosure load(byte[] source, String chunkName) {
        return load(source, chunkName, threadEnvironment());
    }
}
