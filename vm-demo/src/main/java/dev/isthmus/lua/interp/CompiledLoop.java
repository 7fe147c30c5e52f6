package dev.isthmus.lua.interp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A compiled trace installed at a loop instruction of a prototype ({@code Prototype.loopTraces}),
 * with what the interpreter must check before entering it. A trace keeps the registers it
 * uses in JVM locals and writes them back only when it exits, so Lua code that reads or
 * writes those registers while the trace runs would see stale values. Lua code can reach a
 * frame's registers only through open upvalues; when the trace may run Lua code at all
 * (a call into Java or C that can call back, a metamethod), the interpreter does not enter
 * it while an open upvalue points at one of the registers it keeps and could find stale
 * there: one the trace writes, or one a closure may assign. A register the trace only reads
 * and no closure assigns has the same value in the frame and in the trace.
 */
public final class CompiledLoop {
    private final LoopTrace code;
    private final BitSet keptRegisters;
    /** Those of them Lua code the trace runs could find stale through an open upvalue: written by the trace, or assignable by a closure. */
    private final BitSet exposedRegisters;
    private final boolean mayRunLua;
    private final int number;
    /** A function tree's: whether a call it returns from has let no argument object out (the JIT's {@code CallArguments}). */
    private final boolean argumentsStayInCall;
    /** A function tree's: whether its compiled code makes no call and raises no error (see {@link #makesNoCall}). */
    private final boolean makesNoCall;
    /** A function tree's direct entry ({@code DirectCalls}), bound to {@link #code}; or null. */
    private final MethodHandle directEntry;
    /** The same tree compiled again with more side traces, when a trace running this one may run that instead. */
    private CompiledLoop successor;
    /** The trees whose successor this is: their run sites follow this one's. */
    private final List<CompiledLoop> predecessors = new ArrayList<>();
    /** The site through which other traces run this tree as their inner loop ({@link #runSite}). */
    private final MutableCallSite runSite;
    private static final MethodHandle RUN;

    static {
        try {
            RUN = MethodHandles.lookup().findVirtual(LoopTrace.class, "run",
                    MethodType.methodType(int.class, ValueStack.class, int.class, LuaClosure.class, CallStack.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public CompiledLoop(LoopTrace code, BitSet keptRegisters, BitSet exposedRegisters, boolean mayRunLua, int number, boolean argumentsStayInCall,
                        boolean makesNoCall, MethodHandle directEntry) {
        this.code = code;
        this.keptRegisters = (BitSet) keptRegisters.clone();
        this.exposedRegisters = (BitSet) exposedRegisters.clone();
        this.mayRunLua = mayRunLua;
        this.number = number;
        this.argumentsStayInCall = argumentsStayInCall;
        this.makesNoCall = makesNoCall;
        this.directEntry = directEntry;
        this.runSite = new MutableCallSite(RUN.bindTo(code));
    }

    /**
     * The function tree's direct entry, {@code body} bound to {@link #code}: {@code run}'s
     * parameters, then the function's, each a double or an object, and the first result as a
     * double or an object (see {@code DirectCalls}); null when the tree has none.
     */
    public MethodHandle directEntry() {
        return directEntry;
    }

    /**
     * Whether a call of this function tree that came back through the tree's own return
     * ({@link LoopTrace#RETURNED}) left its argument objects referenced from nowhere but the
     * popped frame: a callback may then give them to its next call.
     */
    public boolean argumentsStayInCall() {
        return argumentsStayInCall;
    }

    /**
     * Whether this function tree's compiled code makes no call of any kind (Lua, Java, C, an inner
     * loop's trace) and raises no error: until it leaves that code (an exit, its own return), nothing
     * can look at the call stack, so a callback entering it need not push its frame before
     * ({@link CallStack#deferredBase}).
     */
    public boolean makesNoCall() {
        return makesNoCall;
    }

    /** The trace's number, as {@code -jv} reports it. */
    public int number() {
        return number;
    }

    /** The compiled code, which another trace may run as its inner loop. */
    public LoopTrace code() {
        return code;
    }

    /**
     * The code of the newest compilation of this tree that a trace calling this one as its
     * inner loop ({@code LOOPCALL}) may run instead: a tree grows side traces after the outer
     * trace was compiled, and the outer trace runs the grown one rather than exit where the
     * side traces now go.
     */
    public LoopTrace latestCode() {
        CompiledLoop c = this;
        while (c.successor != null) {
            c = c.successor;
        }
        return c.code;
    }

    /**
     * The site whose target, {@code run} of {@link #latestCode} with {@code run}'s parameters,
     * a trace calls to run this tree as its inner loop ({@code LOOPCALL}): relinked when the tree
     * is replaced by a successor, so that C2 inlines the inner tree's code as it is now, and the
     * caller's code compiled with an older one is deoptimized, rather than make an interface
     * call that several generations of the tree's class make megamorphic.
     */
    public MutableCallSite runSite() {
        return runSite;
    }

    /**
     * {@code next}, the same tree compiled with another side trace, replaces this one: callers
     * of {@link #latestCode} run it when it needs nothing more of them than this one did (it
     * runs no Lua code, or this one may too and it keeps no register this one does not, so
     * the open upvalues the caller's recording accepted still do not point at its registers).
     */
    public void replacedBy(CompiledLoop next) {
        BitSet more = next.exposedRegisters();
        more.andNot(exposedRegisters);
        if (!next.mayRunLua || mayRunLua && more.isEmpty()) {
            successor = next;
            next.predecessors.add(this);
            relink(RUN.bindTo(next.latestCode()));
        }
    }

    /** This tree's run site, and those of the trees that run it as their successor, pointed at {@code latest}. */
    private void relink(MethodHandle latest) {
        runSite.setTarget(latest);
        for (CompiledLoop p : predecessors) {
            p.relink(latest);
        }
    }

    /** The registers the trace keeps in JVM locals. */
    public BitSet keptRegisters() {
        return (BitSet) keptRegisters.clone();
    }

    /** The kept registers Lua code the trace runs could find stale through an open upvalue (see the class comment). */
    public BitSet exposedRegisters() {
        return (BitSet) exposedRegisters.clone();
    }

    /** Whether the trace may run Lua code (see the class comment). */
    public boolean mayRunLua() {
        return mayRunLua;
    }

    /** Whether the frame at {@code base}, whose open upvalues are {@code open}, may run this trace. */
    boolean mayEnter(Upvalue open, int base) {
        if (!mayRunLua) {
            return true;
        }
        for (Upvalue u = open; u != null; u = u.nextOpen) {
            int register = u.slot() - base;
            if (register >= 0 && exposedRegisters.get(register)) {
                return false;
            }
        }
        return true;
    }
}
