package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.runtime.LuaCallable;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;

/**
 * Runs the message handler of the innermost {@code xpcall} where a Lua error is raised,
 * before any frame unwinds, as Lua 5.1 and LuaJIT do: the handler's {@code debug.traceback},
 * {@code debug.getinfo} and {@code debug.getlocal} see the frames of the function that
 * failed, and the Java function that raised the error (as LuaJIT shows {@code [C]: in
 * function 'error'}). The interpreter calls {@link #atRaise} from the innermost Lua frame an
 * error reaches; {@code xpcall} calls {@link #resultFor} for an error that reached none. The
 * handler runs once per error; an error inside a {@code pcall} within the {@code xpcall} is
 * that pcall's, and a coroutine's errors stay in the coroutine (its stack has protected calls
 * of its own).
 */
public final class MessageHandler {
    /** The frames a handler may use past the depth limit, to handle "stack overflow" (LuaJIT keeps extra stack for it). */
    private static final int EXTRA_DEPTH = 200;
    /**
     * How many frames an error unwinds before its handler is tried again when the Java stack
     * overflowed under the handler where the error was raised (a deep recursion on a thread
     * with a small Java stack): the frames it leaves give the handler the room LuaJIT's extra
     * stack gives it.
     */
    private static final int ROOM_FRAMES = 64;
    /** What {@link #run} returns when the Java stack had no room for the handler. */
    private static final Object NO_ROOM = new Object();

    private MessageHandler() {
    }

    /**
     * Runs the handler for {@code e}, raised at {@code pc} of the innermost frame, when an xpcall
     * is to catch it and no handler ran for it yet. The message gets its position now, since
     * the frame giving it may be one the handler looks at. Returns the error to throw on.
     */
    static LuaError atRaise(CallStack frames, LuaError e, Prototype p, int pc) {
        CallStack.ProtectedCall call = frames.protection;
        if (e.isHandled() || call == null || call.handler == null || call.isHandling || frames.depth > call.deferredToDepth) {
            return e;
        }
        LuaError positioned = positionNow(frames, e, call);
        frames.setCallPc(pc);
        int savedRaiser = frames.raiserCaller;
        boolean isRaisedByJava = isRaisedByJava(frames, p, pc);
        frames.raiserCaller = isRaisedByJava ? frames.depth - 1 : -1;
        try {
            int op = p.code()[pc * 4];
            // Called by no Java function, the handler is named as LuaJIT names it: by the failed
            // call's callee, or by the metamethod event of the failed operation ('__index').
            boolean isCall = !isRaisedByJava && (op == Op.CALL || op == Op.TAILCALL || op == Op.TFORLOOP);
            Object result = run(frames, call, positioned.value(), true, isCall, isRaisedByJava ? null : eventOf(op));
            if (result == NO_ROOM) {
                call.deferredToDepth = frames.depth - ROOM_FRAMES;
            } else {
                positioned.setHandlerResult(result);
            }
        } finally {
            frames.raiserCaller = savedRaiser;
        }
        return positioned;
    }

    /**
     * What {@code call}, an xpcall, returns after {@code false} for {@code e}: its handler's
     * result, the handler run now when it has not run yet (no Lua frame ran between xpcall
     * and the raise, as in {@code xpcall(error, handler)}).
     */
    public static Object resultFor(CallStack frames, CallStack.ProtectedCall call, LuaError e) {
        return e.isHandled() ? e.handlerResult() : run(frames, call, e.value(), false, false, null);
    }

    /**
     * The handler's first result. An error inside it does not reach it again: xpcall then gives
     * LuaJIT's "error in error handling", or "stack overflow" when the handler overflowed; run
     * where the error was raised ({@code isDirect}), a Java stack overflow is {@link #NO_ROOM}.
     */
    private static Object run(CallStack frames, CallStack.ProtectedCall call, Object error, boolean isDirect, boolean isCall, LuaString event) {
        if (frames.handlersRunning > 0) {
            // A handler never runs inside another on the same stack (LuaJIT's rule, even for an xpcall inside the handler).
            return LuaString.of("error in error handling");
        }
        int savedLimit = frames.depthLimit;
        boolean savedOverflowed = frames.overflowed;
        boolean savedJavaOverflowed = frames.javaStackOverflowed;
        LuaString savedEvent = frames.pendingMetamethodEvent;
        call.isHandling = true;
        frames.depthLimit = savedLimit + EXTRA_DEPTH;
        frames.overflowed = false;
        frames.javaStackOverflowed = false;
        frames.handlersRunning++;
        frames.pendingMetamethodEvent = event;
        frames.pendingDirectEntry = isDirect;
        frames.pendingCallEntry = isCall;
        try {
            Object[] results = call.handler.call(new Object[] {error});
            return results.length == 0 ? null : results[0];
        } catch (LuaError | StackOverflowError failed) {
            if (failed instanceof StackOverflowError || frames.javaStackOverflowed) {
                return isDirect ? NO_ROOM : LuaString.of("stack overflow");
            }
            return LuaString.of(frames.overflowed ? "stack overflow" : "error in error handling");
        } finally {
            call.isHandling = false;
            frames.handlersRunning--;
            frames.pendingCallEntry = false;
            frames.depthLimit = savedLimit;
            frames.overflowed = savedOverflowed;
            frames.javaStackOverflowed = savedJavaOverflowed;
            frames.pendingMetamethodEvent = savedEvent;
            frames.pendingDirectEntry = false;
        }
    }

    /**
     * {@code e} with the {@code chunk:line:} prefix it would get on its way out: from the
     * frame its position level names, when that frame is inside the protected call (and not
     * making a tail call, which has no position), else none. See {@link InstructionErrors#withPosition}.
     */
    private static LuaError positionNow(CallStack frames, LuaError e, CallStack.ProtectedCall call) {
        if (e.positionLevel() == 0) {
            return e;
        }
        int index = frames.depth - 1 - e.positionLevel();
        if (index >= call.depth) {
            Prototype caller = frames.closureOf(index).prototype();
            int callPc = frames.callPcOf(index);
            if (caller.code()[callPc * 4] != Op.TAILCALL) {
                return e.withMessagePrefix(InstructionErrors.where(caller, callPc));
            }
        }
        e.dropPosition();
        return e;
    }

    /** The metamethod event of an operation instruction, by which LuaJIT names a function called where it failed; null for others. */
    private static LuaString eventOf(int op) {
        String event = switch (op) {
            case Op.GETGLOBAL, Op.GETTABLE, Op.SELF -> "__index";
            case Op.SETGLOBAL, Op.SETTABLE -> "__newindex";
            case Op.ADD -> "__add";
            case Op.SUB -> "__sub";
            case Op.MUL -> "__mul";
            case Op.DIV -> "__div";
            case Op.MOD -> "__mod";
            case Op.POW -> "__pow";
            case Op.UNM -> "__unm";
            case Op.LEN -> "__len";
            case Op.CONCAT -> "__concat";
            case Op.EQ -> "__eq";
            case Op.LT -> "__lt";
            case Op.LE -> "__le";
            default -> null;
        };
        return event == null ? null : LuaString.of(event);
    }

    /** Whether the instruction at {@code pc} failed in a Java function it called (a library function), not in an operation of its own. */
    private static boolean isRaisedByJava(CallStack frames, Prototype p, int pc) {
        int op = p.code()[pc * 4];
        int a = p.code()[pc * 4 + 1];
        Object callee = switch (op) {
            case Op.CALL, Op.TAILCALL -> frames.registerAt(1, a);
            case Op.TFORLOOP -> frames.registerAt(1, a + 3);
            default -> null;
        };
        return callee instanceof LuaFunction && !(callee instanceof LuaClosure) || callee instanceof LuaCallable;
    }
}
