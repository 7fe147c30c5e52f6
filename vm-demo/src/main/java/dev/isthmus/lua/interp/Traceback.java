package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.runtime.LuaError;

import java.util.List;

/**
 * {@code debug.traceback}'s text, as LuaJIT lays it out: innermost first, a line per frame
 * ({@code chunk:line: in function <chunk:N>}, {@code in main chunk}, {@code [C]: in
 * function 'name'}). Outside error handling the frames are the live ones, each at its
 * last call. Inside an {@code xpcall} message handler the error's stack is gone (errors
 * unwind as Java exceptions before the handler runs), so the frames the error recorded on
 * its way out stand in for it, as LuaJIT, which runs the handler before unwinding, shows
 * them.
 */
public final class Traceback {
    /** Longer tracebacks are cut, as the error's own frames are. */
    private static final int MAX_FRAMES = 22;

    private Traceback() {
    }

    /** The error an xpcall is handling, and the call-stack depth xpcall was called at. */
    public record Handling(LuaError error, int depth) {
    }

    /**
     * The traceback lines (without the heading) from the current call stack, starting at
     * the Lua function that called traceback or, while {@code handling} is not null, at the
     * error that xpcall's message handler handles. A coroutine's stack ends with its body.
     */
    public static List<String> lines(CallStack stack, Handling handling, boolean isCoroutine) {
        List<String> out = new java.util.ArrayList<>();
        int first = 1;
        if (handling != null) {
            // The handler's own frames are not shown: the error's are, from where it was raised.
            first = Math.max(0, stack.depth() - handling.depth()) + 1;
            out.addAll(handling.error().frames());
            out.add("[C]: in function 'xpcall'");
        }
        for (int level = first; level <= stack.depth() && out.size() < MAX_FRAMES; level++) {
            out.add(liveFrame(stack, level));
            if (stack.isCalledFromJava(level) && stack.metamethodEventAt(level) == null && level < stack.depth()) {
                // A Java function (pcall, a library calling back) ran between this frame and its caller.
                String name = InstructionErrors.calledName(stack.at(level + 1).prototype(), stack.callPcAt(level + 1));
                out.add("[C]: " + (name == null ? "?" : "in function '" + name + "'"));
            }
        }
        if (!isCoroutine) {
            out.add("[C]: ?");
        }
        return out;
    }

    /** A live frame, named as its caller's CALL names it when a Lua CALL entered it. */
    private static String liveFrame(CallStack stack, int level) {
        Prototype p = stack.at(level).prototype();
        int line = p.lines()[stack.callPcAt(level)];
        String what = p.lineDefined() == 0 ? "main chunk" : "function <" + p.chunkName() + ":" + p.lineDefined() + ">";
        if (p.lineDefined() != 0 && stack.metamethodEventAt(level) != null) {
            // A metamethod is named by its event, as LuaJIT names it.
            what = "function '" + stack.metamethodEventAt(level) + "'";
        } else if (p.lineDefined() != 0 && !stack.isCalledFromJava(level) && level < stack.depth()) {
            String name = InstructionErrors.calledName(stack.at(level + 1).prototype(), stack.callPcAt(level + 1));
            if (name != null) {
                what = "function '" + name + "'";
            }
        }
        return p.chunkName() + ":" + line + ": in " + what;
    }
}
