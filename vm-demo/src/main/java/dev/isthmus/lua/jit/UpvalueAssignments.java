package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import java.util.BitSet;

/**
 * Which registers of a function the closures it creates may assign through their upvalues
 * (SETUPVAL, in the closure itself or in a closure nested in it that shares the upvalue).
 * A trace may keep a register another function reads through an open upvalue while it runs
 * that function, as long as the trace never writes the register and no closure can: the
 * frame's slot then holds the register's value all along. Only the debug library
 * ({@code debug.setupvalue}, {@code debug.setlocal}) reaches a register otherwise, and a trace
 * keeping registers in JVM locals does not see those writes in any case.
 */
final class UpvalueAssignments {
    private UpvalueAssignments() {
    }

    /** The registers of {@code function} some closure it creates may assign through an upvalue. */
    static BitSet assignedThroughUpvalues(Prototype function) {
        BitSet assigned = new BitSet();
        for (Prototype child : function.prototypes()) {
            for (int u = 0; u < child.upvalues().size(); u++) {
                Prototype.UpvalueSource source = child.upvalues().get(u);
                if (source.fromParentRegister() && !assigned.get(source.index()) && assigns(child, u)) {
                    assigned.set(source.index());
                }
            }
        }
        return assigned;
    }

    /** Whether {@code closure}, or a closure nested in it sharing the upvalue, assigns its upvalue {@code upvalue}. */
    private static boolean assigns(Prototype closure, int upvalue) {
        int[] code = closure.code();
        for (int i = 0; i < code.length; i += 4) {
            if (code[i] == Op.SETUPVAL && code[i + 2] == upvalue) {
                return true;
            }
        }
        for (Prototype nested : closure.prototypes()) {
            for (int u = 0; u < nested.upvalues().size(); u++) {
                Prototype.UpvalueSource source = nested.upvalues().get(u);
                if (!source.fromParentRegister() && source.index() == upvalue && assigns(nested, u)) {
                    return true;
                }
            }
        }
        return false;
    }
}
