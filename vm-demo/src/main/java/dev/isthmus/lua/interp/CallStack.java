package dev.isthmus.lua.interp;

import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;

import java.util.ArrayList;
import java.util.List;

/**
 * The Lua functions active in one coroutine, innermost last: what {@code getfenv(level)},
 * {@code error} levels and tracebacks look at, and the depth that turns runaway recursion
 * into a Lua "stack overflow" rather than a dead JVM. Each coroutine has its own.
 */
public final class CallStack {
    /** The registers of this coroutine's frames. */
    final ValueStack values = new ValueStack();
    /**
     * The frames, innermost at {@code depth - 1}; the entries above are kept for the next calls
     * to fill in. One object per frame rather than an array per field: a call writes its
     * fields into one place (a compiled recursion spent a fifth of its time pushing and
     * popping when they were six arrays).
     */
    private Frame[] frames = newFrames(64, 0);
    int depth;

    /** The event the next frame Java enters runs for: set just before a metamethod's call. */
    LuaString pendingMetamethodEvent;
    /** Whether the next frame Java enters is entered directly, with no Java function of its own below (a message handler). */
    boolean pendingDirectEntry;
    /** Whether the next frame Java enters is named as the call its caller is making names it (a handler run where a call failed). */
    boolean pendingCallEntry;
    /** How many message handlers are running on this stack: one more raised inside them gives "error in error handling". */
    int handlersRunning;
    /**
     * While a message handler runs where a Java function raised an error: the index of the
     * frame that called that function, which LuaJIT still shows (as {@code [C]: in function
     * 'error'}) above the frame; -1 otherwise.
     */
    int raiserCaller = -1;
    /** Frames past this many raise "stack overflow"; a message handler gets some room beyond it. */
    int depthLimit = Interpreter.MAX_DEPTH;
    /**
     * The number of results a function trace's direct entry left in the value stack from its
     * frame's {@code base - 1} on ({@code DirectCalls}), when it did not return its one
     * result as a JVM value alone; -1 otherwise. Whoever calls such an entry sets it to -1 before the call and again once it took the results, so that it is -1 whenever compiled code runs.
     */
    int directResults = -1;
    /**
     * The base of a callback's frame not pushed yet, or -1: a callback whose function tree makes
     * no call ({@link CompiledLoop#makesNoCall}) runs its direct entry with its frame only noted
     * here, and the frame is pushed ({@link #pushDeferred}) where the entry leaves its compiled
     * code, before anything can look at the stack; a call that came back through the tree's own
     * return never pushed it.
     */
    int deferredBase = -1;
    /** Whether "stack overflow" was raised since this was last cleared: tells a failing message handler's overflow. */
    boolean overflowed;
    /** Whether the Java stack ran out (rather than {@link #depthLimit}) since this was last cleared. */
    boolean javaStackOverflowed;
    /** The innermost protected call ({@code pcall}, {@code xpcall}) running on this stack, or null. */
    ProtectedCall protection;
    /**
     * Set by a trace that left inside calls it had recorded inline, for the interpreter to
     * finish them ({@link InlinedFrames}); null otherwise.
     */
    InlinedFrames leftInside;
    /**
     * Set by a trace that left where a call has just returned this many results (open results
     * the next instruction takes), for the interpreter to complete that call with them; -1
     * otherwise ({@code TraceAccess.completeCall}).
     */
    int completedCall = -1;

    /** One active Lua function. */
    private static final class Frame {
        LuaClosure closure;
        /** The slot of its register 0 in {@link #values}: what {@code debug.getlocal} reads. */
        int base;
        /** The pc of its last call instruction: where a live traceback says it is. */
        int callPc;
        /** Whether Java called it (a library function, a callback, the host) rather than a Lua CALL. */
        boolean calledFromJava;
        /**
         * Whether a Java function runs between it and the frame below (the one that called that
         * function): a frame {@code pcall}, a library or the host entered, but not a metamethod
         * the interpreter called, nor a message handler run where a Lua operation failed.
         */
        boolean javaFrameBelow;
        /** The metamethod event it runs for ({@code __index}, ...), or null. */
        LuaString metamethodEvent;

        /**
         * Whether any of the three fields above is set: a frame not in use has them all false
         * or null, so that a Lua call's push writes only the closure, base and pc (a recursive
         * call's frame is a third of its cost in fib), and the pop resets them where a push from
         * Java set them.
         */
        boolean entered;

        /** The frame made the one of a call from Java of {@code c} at {@code base}, at its first instruction. */
        void enterFromJava(LuaClosure c, int at, boolean fromJava, boolean belowJava, LuaString event) {
            closure = c;
            base = at;
            callPc = 0;
            calledFromJava = fromJava;
            javaFrameBelow = belowJava;
            metamethodEvent = event;
            entered = true;
        }
    }

    private static Frame[] newFrames(int length, int from) {
        Frame[] frames = new Frame[length];
        for (int i = from; i < length; i++) {
            frames[i] = new Frame();
        }
        return frames;
    }

    /** A frame a Lua call enters: its other fields are as a frame not in use has them. */
    void push(LuaClosure c, int base) {
        Frame f = next();
        f.closure = c;
        f.base = base;
        f.callPc = 0;
    }

    /** A frame Java entered ({@code pcall(f)}, a callback, the main chunk, a metamethod). */
    void pushFromJava(LuaClosure c, int base) {
        next().enterFromJava(c, base, !pendingCallEntry, pendingMetamethodEvent == null && !pendingDirectEntry, pendingMetamethodEvent);
        pendingMetamethodEvent = null;
        pendingDirectEntry = false;
        pendingCallEntry = false;
    }

    /**
     * {@link #pushFromJava} for a callback from C entering its function's compiled code, in a
     * method of its own: the JIT compiler inlines a call by the profile of the method making it,
     * and {@code pushFromJava}'s is shared by every entry from Java (its call of {@link #push}
     * was left out of line in some processes and not in others). What the interpreter's entry
     * does for a frame that is rare here (a full frame array, a pending metamethod event or
     * handler entry) goes through {@code pushFromJava}.
     */
    void pushCallback(LuaClosure c, int base) {
        Frame[] fs = frames;
        int d = depth;
        if (d == fs.length || pendingMetamethodEvent != null || pendingDirectEntry || pendingCallEntry) {
            pushFromJava(c, base);
            return;
        }
        depth = d + 1;
        fs[d].enterFromJava(c, base, true, true, null);
    }

    /**
     * Whether the frame of a callback entering now may be left unpushed ({@link #deferredBase}):
     * nothing is pending that its push would take (a metamethod event, a handler's entry).
     */
    boolean mayDefer() {
        return pendingMetamethodEvent == null && !pendingDirectEntry && !pendingCallEntry;
    }

    /** The callback's frame at {@code base} of {@code c} pushed, if it is the one {@link #deferredBase} notes. */
    void pushDeferred(LuaClosure c, int base) {
        if (deferredBase == base) {
            deferredBase = -1;
            pushCallback(c, base);
        }
    }

    /** The frame above the innermost, the stack made deeper by one (the frame array grown if full). */
    private Frame next() {
        Frame[] fs = frames;
        if (depth == fs.length) {
            fs = grow();
        }
        return fs[depth++];
    }

    private Frame[] grow() {
        Frame[] grown = newFrames(frames.length * 2, frames.length);
        System.arraycopy(frames, 0, grown, 0, frames.length);
        frames = grown;
        return grown;
    }

    /** The innermost frame's pc of the call it is making. */
    void setCallPc(int pc) {
        frames[depth - 1].callPc = pc;
    }

    /** The innermost frame's closure replaced, at its first instruction (a tail call). */
    void replaceInnermost(LuaClosure c) {
        Frame f = frames[depth - 1];
        f.closure = c;
        f.callPc = 0;
    }

    /** The closure of frame {@code index} (0 = the outermost). */
    LuaClosure closureOf(int index) {
        return frames[index].closure;
    }

    /** The pc of the call frame {@code index} is making. */
    int callPcOf(int index) {
        return frames[index].callPc;
    }

    /** The slot of frame {@code index}'s register 0. */
    int baseOf(int index) {
        return frames[index].base;
    }

    /** The registers of this coroutine's frames. */
    public ValueStack values() {
        return values;
    }

    /** The metamethod event the frame {@code level} frames up runs for, or null. */
    public LuaString metamethodEventAt(int level) {
        return frames[depth - level].metamethodEvent;
    }

    /** The value of register {@code register} of the frame {@code level} frames up. */
    public Object registerAt(int level, int register) {
        return values.get(baseOf(depth - level) + register);
    }

    public void setRegisterAt(int level, int register, Object value) {
        int slot = baseOf(depth - level) + register;
        values.slots[slot] = value;
    }

    /** Whether the frame {@code level} frames up was entered from Java. */
    public boolean isCalledFromJava(int level) {
        return frames[depth - level].calledFromJava;
    }

    /** The pc of the call the frame {@code level} frames up is making (1 = the innermost). */
    public int callPcAt(int level) {
        return callPcOf(depth - level);
    }

    /** The Lua error a frame deeper than {@link #depthLimit} raises; noted in {@link #overflowed}. */
    LuaError overflow() {
        overflowed = true;
        return new LuaError("stack overflow");
    }

    /** The Lua error a Java {@link StackOverflowError} becomes; noted in {@link #overflowed} and {@link #javaStackOverflowed}. */
    LuaError javaStackOverflow() {
        javaStackOverflowed = true;
        return overflow();
    }

    /**
     * A {@code pcall} ({@code handler} null) or an {@code xpcall} starts on this stack: errors
     * raised inside it until {@link #leaveProtectedCall} are its to catch, and an xpcall's
     * handler runs where they are raised ({@link MessageHandler}). Returns the call to leave.
     */
    public ProtectedCall enterProtectedCall(LuaFunction handler) {
        protection = new ProtectedCall(handler, depth, protection);
        return protection;
    }

    public void leaveProtectedCall(ProtectedCall call) {
        protection = call.enclosing;
    }

    /** A protected call in progress: its message handler (null for pcall) and the depth of the stack it was called at. */
    public static final class ProtectedCall {
        final LuaFunction handler;
        final int depth;
        final ProtectedCall enclosing;
        /** Whether its handler is running: an error raised then ends in "error in error handling", not in the handler again. */
        boolean isHandling;
        /** The depth the error must unwind to before its handler runs, when the Java stack left it no room where it was raised. */
        int deferredToDepth = Integer.MAX_VALUE;

        private ProtectedCall(LuaFunction handler, int depth, ProtectedCall enclosing) {
            this.handler = handler;
            this.depth = depth;
            this.enclosing = enclosing;
        }
    }

    /**
     * A stack level as LuaJIT counts levels, Java functions' frames included as it counts its
     * C frames: the Lua frame {@code luaLevel} frames up (as {@link #at} counts them) or, when
     * {@code isJava}, the Java function that frame is calling; past {@link #depth()}, the host
     * that called the bottom frame.
     */
    public record Level(int luaLevel, boolean isJava) {
    }

    /** Level {@code level} (1 = the caller of the running Java function), or null past the bottom of the stack. */
    public Level level(int level, boolean isCoroutine) {
        if (level < 1) {
            return null;
        }
        List<Level> levels = levels(level, isCoroutine);
        return levels.size() >= level ? levels.get(level - 1) : null;
    }

    /**
     * The first {@code max} levels from the top: each Lua frame, the Java function a frame is
     * calling when a Lua frame above it was entered from Java (or, while a message handler
     * runs, when that function raised the error), and the host below the main coroutine's
     * bottom frame (a coroutine's body has nothing below it).
     */
    public List<Level> levels(int max, boolean isCoroutine) {
        List<Level> out = new ArrayList<>();
        if (depth > 0 && raiserCaller == depth - 1) {
            out.add(new Level(1, true));
        }
        for (int i = depth - 1; i >= 0 && out.size() < max; i--) {
            out.add(new Level(depth - i, false));
            if (i > 0 && (frames[i].javaFrameBelow || raiserCaller == i - 1)) {
                out.add(new Level(depth - i + 1, true));
            }
        }
        if (!isCoroutine && out.size() < max) {
            out.add(new Level(depth + 1, true));
        }
        return out.size() > max ? out.subList(0, max) : out;
    }

    void pop() {
        Frame f = frames[--depth];
        f.closure = null;
        if (f.entered) {
            f.entered = false;
            f.calledFromJava = false;
            f.javaFrameBelow = false;
            f.metamethodEvent = null;
        }
    }

    /**
     * The frames of calls a trace recorded inline, pushed above the loop's frame at {@code base}
     * while the trace calls out from inside them (so that tracebacks, error levels and
     * {@code getfenv} see them as the interpreter would have); the innermost is at its
     * instruction {@code pc}.
     */
    void pushInlined(InlinedFrames inside, int base, int pc) {
        for (int j = 0; j < inside.depth(); j++) {
            setCallPc(inside.callPcs()[j]);
            push(inside.closures()[j], base + inside.offsets()[j]);
        }
        setCallPc(pc);
    }

    /** Pops {@code count} frames {@link #pushInlined} pushed. */
    void popInlined(int count) {
        for (int j = 0; j < count; j++) {
            pop();
        }
    }

    public int depth() {
        return depth;
    }

    /** The closure {@code level} frames up (1 = the innermost Lua function), or null. */
    public LuaClosure at(int level) {
        int i = depth - level;
        return i >= 0 && i < depth ? closureOf(i) : null;
    }
}
