package dev.isthmus.lua.bytecode;

import dev.isthmus.lua.parse.Expr;

/**
 * Name resolution while compiling: locals by register, upvalues added along the chain of
 * enclosing functions, and how the source named an operand ({@code local 'x'},
 * {@code global 'f'}, {@code field 'k'}) for runtime error messages.
 */
final class NameResolution {
    private NameResolution() {
    }

    /** The register of the active local {@code name}, or -1. */
    static int local(FunctionState fs, String name) {
        FunctionState.ActiveLocal l = fs.findLocal(name);
        return l == null ? -1 : l.register();
    }

    /** The register of the active local {@code name} about to be assigned (marked so), or -1. */
    static int assignedLocal(FunctionState fs, String name) {
        FunctionState.ActiveLocal l = fs.findLocal(name);
        if (l == null) {
            return -1;
        }
        l.writes().markAssigned();
        return l.register();
    }

    /** The upvalue index of {@code name} in {@code f}, adding upvalues along the chain of enclosing functions; -1 for a global. */
    static int upvalue(FunctionState f, String name) {
        int existing = f.findUpvalue(name);
        if (existing >= 0) {
            return existing;
        }
        FunctionState parent = f.parent;
        if (parent == null) {
            return -1;
        }
        FunctionState.ActiveLocal l = parent.findLocal(name);
        if (l != null) {
            parent.markCaptured(l.register());
            return f.addUpvalue(name, new Prototype.UpvalueSource(true, l.register(), l.writes()));
        }
        int up = upvalue(parent, name);
        if (up < 0) {
            return -1;
        }
        return f.addUpvalue(name, new Prototype.UpvalueSource(false, up, parent.upvalues.get(up).writes()));
    }

    /**
     * How LuaJIT's messages name the value of {@code e}: {@code local 'x'}, {@code upvalue 'x'},
     * {@code global 'x'}, {@code field 'x'} (a constant string key), or null. LuaJIT names a value
     * by the instruction that produced it (lj_debug_slotname), so the result of a call, method
     * call, numeric or computed index, constant or operator has no name; {@code method 'm'} names
     * only the function a method call calls, which the call itself records.
     */
    static String describe(FunctionState fs, Expr e) {
        return switch (e) {
            case Expr.Name n -> {
                if (local(fs, n.name()) >= 0) {
                    yield "local '" + n.name() + "'";
                }
                yield fs.findUpvalue(n.name()) >= 0 || isUpvalueName(fs, n.name()) ? "upvalue '" + n.name() + "'" : "global '" + n.name() + "'";
            }
            case Expr.Index ix when ix.key() instanceof Expr.Str s -> "field '" + s.value() + "'";
            default -> null;
        };
    }

    private static boolean isUpvalueName(FunctionState fs, String name) {
        for (FunctionState f = fs.parent; f != null; f = f.parent) {
            if (f.findLocal(name) != null) {
                return true;
            }
        }
        return false;
    }

    /** Records how the source named the value in {@code register} at {@code pc}, for error messages. */
    static void nameOperand(FunctionState fs, int pc, int register, Expr source) {
        if (register >= 0) {
            String name = describe(fs, source);
            if (name != null) {
                fs.operandNames.put(pc << 8 | register, name);
            }
        }
    }
}
