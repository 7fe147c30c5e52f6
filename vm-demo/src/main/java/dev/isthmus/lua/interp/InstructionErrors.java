package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Opcode;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.runtime.LuaArgumentError;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaType;

/**
 * Errors completed where the interpreter knows the instruction that raised them: the
 * {@code chunk:line:} prefix, operand names ({@code attempt to index local 'x'}), library
 * argument errors named as the call site names the function, Java failures ({@link LuaError#fromJava}) given a position,
 * and the traceback frames an error collects as it leaves each call.
 */
final class InstructionErrors {
    private InstructionErrors() {
    }

    /**
     * An operand error's message with the operand's source name, as LuaJIT words it; a
     * concatenation names its operand by stack slot, the frame's registers starting at {@code base}.
     */
    static String operandMessage(LuaSemantics.OperandError e, Prototype p, int pc, int base, int a, int b, int c) {
        Opcode op = Opcode.of(p.code()[pc * 4]);
        int register = switch (op) {
            case CALL, TAILCALL -> a;
            case SETTABLE -> a;
            case CONCAT -> e.operand - base;
            case GETTABLE, SELF, UNM, LEN, NOT -> b;
            case ADD, SUB, MUL, DIV, MOD, POW -> e.operand == 0 ? b : c;
            case TFORLOOP -> a;
            default -> -1;
        };
        String name = register >= 0 ? p.operandName(pc, register) : null;
        if (op == Opcode.SELF && e.operand == -1) {
            name = null;
        }
        String type = LuaType.of(e.value).luaName();
        return "attempt to " + e.action + " " + (name == null ? "a " + type + " value" : name + " (a " + type + " value)");
    }

    /**
     * A library's "bad argument" error completed as LuaJIT words it at this call site: the
     * function named as the call named it; a tail call has no calling frame, so '?' and no position.
     */
    static LuaError argumentError(LuaArgumentError e, Prototype p, int pc, int a) {
        if (e.positionLevel() != 1) {
            return e;
        }
        int op = p.code()[pc * 4];
        if (op == Op.TAILCALL) {
            return new LuaError((Object) LuaString.of(e.messageFor("?", false)));
        }
        if (op != Op.CALL && op != Op.TFORLOOP) {
            return withPosition(e, p, pc);
        }
        String described = p.operandName(pc, a);
        String name = quotedName(described);
        boolean isMethod = described != null && described.startsWith("method ");
        return new LuaError(LuaString.of(where(p, pc) + e.messageFor(name == null ? "?" : name, isMethod)));
    }

    static boolean causedByStackOverflow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /**
     * At the CALL an error came out of, the traceback gets the callee as LuaJIT shows it:
     * a Lua callee's frame named as this call names it, a Java callee as a C frame of its
     * own ({@code [C]: in function 'error'}).
     */
    static LuaError atCallSite(LuaError e, Prototype p, int pc, Object callee) {
        if (p.code()[pc * 4] != Op.CALL) {
            return e;
        }
        String name = calledName(p, pc);
        if (callee instanceof LuaClosure) {
            if (name != null) {
                e.nameLastFrame(name);
            }
        } else {
            e.addFrame("[C]: " + (name == null ? "?" : "in function '" + name + "'"));
        }
        return e;
    }

    /** The name the CALL at {@code pc} calls its function by ({@code f} for {@code local 'f'}), or null. */
    static String calledName(Prototype p, int pc) {
        return quotedName(p.operandName(pc, p.code()[pc * 4 + 1]));
    }

    /** The name in an operand description ({@code f} in {@code local 'f'}), or null. */
    private static String quotedName(String described) {
        int quote = described == null ? -1 : described.indexOf('\'');
        return quote < 0 ? null : described.substring(quote + 1, described.length() - 1);
    }

    /**
     * The error as it leaves this frame: in the innermost frame it reaches, an xpcall's message
     * handler runs first ({@link MessageHandler#atRaise}); then the frame is added to its
     * traceback (only the error path pays for it).
     */
    static LuaError traced(CallStack frames, LuaError e, Prototype p, int pc) {
        e = MessageHandler.atRaise(frames, e, p, pc);
        LuaString event = frames.metamethodEventAt(1);
        String what = p.lineDefined() == 0 ? "main chunk"
                : event != null ? "function '" + event + "'"
                : "function <" + p.chunkName() + ":" + p.lineDefined() + ">";
        e.addFrame(p.chunkName() + ":" + p.lines()[pc] + ": in " + what);
        return e;
    }

    /** "stack overflow" for the Java stack running out at {@code pc} (see {@link CallStack#javaStackOverflow}). */
    static LuaError javaStackOverflow(CallStack frames, Prototype p, int pc) {
        frames.javaStackOverflow();
        return positioned("stack overflow", p, pc);
    }

    static LuaError positioned(String message, Prototype p, int pc) {
        return new LuaError(LuaString.of(where(p, pc) + message));
    }

    /** Adds {@code chunk:line:} to a message raised without position by an operation or library at this pc. */
    static LuaError withPosition(LuaError e, Prototype p, int pc) {
        if (e.positionLevel() == 1 && p.code()[pc * 4] == Op.TAILCALL) {
            // A function called in tail position has no calling Lua frame to take a position from (as in LuaJIT).
            e.decrementPositionLevel();
            return e;
        }
        if (e.positionLevel() == 1) {
            e = e.withMessagePrefix(where(p, pc));
        } else if (e.positionLevel() > 1) {
            e.decrementPositionLevel();
        }
        return e;
    }

    static String where(Prototype p, int pc) {
        return p.chunkName() + ":" + p.lines()[pc] + ": ";
    }
}
