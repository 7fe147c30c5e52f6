package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.CallStack;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.Coroutine;
import dev.isthmus.lua.runtime.LuaFunction;

/**
 * Whose stack a debug function reads, as LuaJIT's {@code getthread} decides it: the
 * coroutine its first argument is (its other arguments then start at {@code first} 1), or
 * the running code's. Levels count as {@link CallStack#levels} counts them; another
 * coroutine's level 0 is the Java function its top frame is calling (the yield that
 * suspended it), the running code's is the debug function itself.
 */
record DebugSubject(CallStack stack, boolean isCoroutine, boolean isOtherThread, int first) {

    static DebugSubject of(LuaRuntime runtime, Object[] args) {
        boolean isRunningCoroutine = runtime.currentCoroutine() != runtime.mainCoroutine();
        if (args.length > 0 && args[0] instanceof Coroutine c) {
            if (c == runtime.currentCoroutine()) {
                return new DebugSubject(runtime.callStack(), isRunningCoroutine, false, 1);
            }
            // A coroutine not started, or the main one while another runs, shows no frames.
            CallStack stack = c.executionState() instanceof CallStack s ? s : new CallStack();
            return new DebugSubject(stack, c != runtime.mainCoroutine(), true, 1);
        }
        return new DebugSubject(runtime.callStack(), isRunningCoroutine, false, 0);
    }

    /** Level {@code n}, or null past the bottom of the stack. */
    CallStack.Level level(int n) {
        if (n == 0 && isOtherThread) {
            return stack.depth() > 0 ? new CallStack.Level(1, true) : null;
        }
        return stack.level(n, isCoroutine);
    }

    /** The level the argument at {@link #first} names; "level out of range" past the bottom. */
    CallStack.Level checkLevel(Arguments a) {
        CallStack.Level level = level(a.checkIntViaInteger(first));
        if (level == null) {
            throw a.bad(first, "level out of range");
        }
        return level;
    }

    /** Whether the level argument is 0 of the running code's stack: the running debug function itself. */
    boolean isLevelZero(Arguments a) {
        return !isOtherThread && !(a.get(first) instanceof LuaFunction) && a.checkIntViaInteger(first) == 0;
    }
}
