package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Prototype;

import java.util.List;

/**
 * {@code debug.traceback}'s text, as LuaJIT lays it out: innermost first, a line per level
 * of the stack ({@link CallStack#levels}): {@code chunk:line: in function <chunk:N>},
 * {@code in main chunk}, {@code [C]: in function 'name'} for a Java function. A frame is
 * shown at its last call; inside an {@code xpcall} message handler, which runs where the
 * error was raised, the frames below the handler are those of the failed function.
 */
public final class Traceback {
    /** Longer tracebacks are cut, as the error's own frames are. */
    private static final int MAX_FRAMES = 22;

    private Traceback() {
    }

    /**
     * The traceback lines (without the heading) from stack level {@code first}: 1 is the caller
     * of the running Java function, 0 that function itself, named as its caller calls it.
     */
    public static List<String> lines(CallStack stack, boolean isCoroutine, int first) {
        List<String> out = new java.util.ArrayList<>();
        if (first <= 0 && stack.depth() > 0) {
            out.add(javaFrame(stack, 1));
        }
        int skipped = Math.max(0, first - 1);
        List<CallStack.Level> levels = stack.levels(skipped + MAX_FRAMES + 1, isCoroutine);
        levels = levels.subList(Math.min(skipped, levels.size()), levels.size());
        for (CallStack.Level level : levels.subList(0, Math.min(levels.size(), MAX_FRAMES))) {
            out.add(level.isJava() ? javaFrame(stack, level.luaLevel()) : liveFrame(stack, level.luaLevel()));
        }
        if (levels.size() > MAX_FRAMES && !isCoroutine) {
            out.add("[C]: ?");
        }
        return out;
    }

    /** A Java function's frame, named as the Lua frame {@code callerLevel} calls it; the host below the bottom frame has no name. */
    private static String javaFrame(CallStack stack, int callerLevel) {
        if (callerLevel > stack.depth()) {
            return "[C]: ?";
        }
        String name = InstructionErrors.calledName(stack.at(callerLevel).prototype(), stack.callPcAt(callerLevel));
        return "[C]: " + (name == null ? "?" : "in function '" + name + "'");
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
