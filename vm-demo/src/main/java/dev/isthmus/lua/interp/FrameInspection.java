package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.runtime.LuaString;

import java.util.Comparator;
import java.util.List;

/**
 * What the debug library reads from live frames, by Lua level (1 = the innermost Lua
 * function, as {@link CallStack#at} counts; {@link CallStack#levels} maps LuaJIT's levels,
 * which count Java functions too, to these): the line each is at, how its caller named it,
 * and its named locals. A frame's position is that of its last call (the call that is
 * running now).
 */
public final class FrameInspection {
    private FrameInspection() {
    }

    /** A name and what kind of name it is, as {@code debug.getinfo}'s {@code name} and {@code namewhat} give them. */
    public record CallName(String name, String namewhat) {
    }

    /**
     * {@code luaL_where} for a Java function {@code running} raising an error at stack level
     * {@code level}: {@code chunk:line: } when that level is a Lua frame, else "". Levels are
     * counted as LuaJIT counts them from the running function: a frame that called it in tail
     * position is gone (LuaJIT's tail call replaced it), and a Java function that called it
     * (as {@code pcall(error, ...)} does) is level 1.
     */
    public static String where(CallStack stack, int level, boolean isCoroutine, Object running) {
        if (level < 1) {
            return "";
        }
        int shift = 0;
        if (stack.depth() > 0) {
            int op = stack.at(1).prototype().code()[stack.callPcAt(1) * 4];
            shift = !isCalledByInnermostFrame(stack, running) ? -1 : op == Op.TAILCALL ? 1 : 0;
        }
        if (level + shift < 1) {
            return "";
        }
        CallStack.Level at = stack.level(level + shift, isCoroutine);
        if (at == null || at.isJava()) {
            return "";
        }
        return stack.at(at.luaLevel()).prototype().chunkName() + ":" + currentLine(stack, at.luaLevel()) + ": ";
    }

    /**
     * Whether the innermost Lua frame's running call calls {@code running} itself, rather than
     * a Java function that called it (as {@code pcall(f)} calls f).
     */
    public static boolean isCalledByInnermostFrame(CallStack stack, Object running) {
        return innermostCallee(stack) == running;
    }

    /**
     * Whether the innermost Lua frame's running call may be the call of {@code running}: it is
     * a call, and its function register holds no other function. A compiled trace calls
     * without writing that register, so it can hold an older value there; only another
     * function in it (pcall's, in {@code pcall(f)}) shows that a Java function came between.
     */
    public static boolean mayBeCalledByInnermostFrame(CallStack stack, Object running) {
        Object callee = innermostCallee(stack);
        return callee != NO_CALL && (!(callee instanceof dev.isthmus.lua.runtime.LuaFunction) || callee == running);
    }

    private static final Object NO_CALL = new Object();

    /** What the function register of the innermost frame's running call holds, or {@link #NO_CALL}. */
    private static Object innermostCallee(CallStack stack) {
        if (stack.depth() == 0) {
            return NO_CALL;
        }
        Prototype top = stack.at(1).prototype();
        int pc = stack.callPcAt(1);
        int op = top.code()[pc * 4];
        return op == Op.CALL || op == Op.TAILCALL ? stack.registerAt(1, top.code()[pc * 4 + 1]) : NO_CALL;
    }

    /**
     * How many registers of the frame at {@code level} lie below the callee of its running
     * call: past its active locals, LuaJIT names these "(*temporary)" (lj_debug.c
     * {@code debug_localname}). The callee sits at a call's function register, at a generic
     * for's copy of its iterator (A+3), or above the whole frame for a metamethod. LuaJIT's
     * two-slot frame links (LJ_FR2) place a callee inside another call's arguments higher
     * than here, so its count (and which value a slot holds) can be larger there.
     */
    public static int registersBelowCallee(CallStack stack, int level) {
        Prototype p = stack.at(level).prototype();
        int pc = stack.callPcAt(level);
        int op = p.code()[pc * 4];
        int a = p.code()[pc * 4 + 1];
        return op == Op.CALL || op == Op.TAILCALL ? a : op == Op.TFORLOOP ? a + 3 : p.frameSize();
    }

    public static int currentLine(CallStack stack, int level) {
        Prototype p = stack.at(level).prototype();
        return p.lines()[stack.callPcAt(level)];
    }

    /**
     * How the frame at {@code level} was called: a metamethod by its event, a function called
     * by a Lua CALL by the operand it was called through ({@code local 'f'}, {@code method 'm'},
     * ...), otherwise (called from Java, or by a call whose callee has no name) no name.
     */
    public static CallName callName(CallStack stack, int level) {
        LuaString event = stack.metamethodEventAt(level);
        // A __call handler is named as the call that reached it names the called value.
        boolean isCallHandler = event != null && event.toString().equals("__call");
        if (event != null && !isCallHandler) {
            return new CallName(event.toString(), "metamethod");
        }
        if (stack.isCalledFromJava(level) && !isCallHandler || level >= stack.depth()) {
            return new CallName(null, "");
        }
        return nameOfCall(stack, level + 1);
    }

    /** How the Lua frame {@code callerLevel} names the Java function it is calling; the host below the bottom frame has no name. */
    public static CallName javaCallName(CallStack stack, int callerLevel) {
        return callerLevel > stack.depth() ? new CallName(null, "") : nameOfCall(stack, callerLevel);
    }

    /** The name the call the frame {@code callerLevel} is making gives its callee ({@code local 'f'}, {@code global 'print'}, ...). */
    private static CallName nameOfCall(CallStack stack, int callerLevel) {
        Prototype caller = stack.at(callerLevel).prototype();
        int pc = stack.callPcAt(callerLevel);
        String described = caller.operandName(pc, caller.code()[pc * 4 + 1]);
        int quote = described == null ? -1 : described.indexOf('\'');
        if (quote <= 1) {
            return new CallName(null, "");
        }
        return new CallName(described.substring(quote + 1, described.length() - 1), described.substring(0, quote - 1));
    }

    /**
     * The {@code n}th local variable (1-based, in declaration order) active at the frame's
     * position, or null: Lua 5.1's {@code luaF_getlocalname}.
     */
    public static Prototype.LocalVariable local(CallStack stack, int level, int n) {
        return activeLocal(stack.at(level).prototype(), stack.callPcAt(level), n);
    }

    /** The {@code n}th parameter of a function (what {@code debug.getlocal(f, n)} names), or null. */
    public static Prototype.LocalVariable parameter(LuaClosure f, int n) {
        Prototype p = f.prototype();
        return n <= p.parameterCount() ? activeLocal(p, 0, n) : null;
    }

    private static Prototype.LocalVariable activeLocal(Prototype p, int pc, int n) {
        List<Prototype.LocalVariable> inOrder = p.locals().stream()
                .sorted(Comparator.comparingInt(Prototype.LocalVariable::startPc).thenComparingInt(Prototype.LocalVariable::register))
                .toList();
        int seen = 0;
        for (Prototype.LocalVariable v : inOrder) {
            if (v.startPc() <= pc && pc < v.endPc() && ++seen == n) {
                return v;
            }
        }
        return null;
    }
}
