package dev.isthmus.lua.bytecode;

import dev.isthmus.lua.parse.LuaSyntaxError;
import dev.isthmus.lua.parse.Stat;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code goto} and labels (LuaJIT's, as in Lua 5.2): backward jumps close the locals they
 * leave; forward jumps wait in their block, move outwards as blocks end, and are patched
 * when their label appears; a jump into the scope of a local is an error unless the label
 * ends its block.
 */
final class GotoResolution {
    private GotoResolution() {
    }

    static void gotoStatement(FunctionState fs, Stat.Goto g) {
        for (FunctionState.Block b = fs.block; b != null; b = b.enclosing) {
            int[] target = b.labels.get(g.label());
            if (target != null) {
                if (fs.activeCount() > target[1]) {
                    fs.emit(Opcode.CLOSE, fs.registerOfActive(target[1]), 0, 0, g.line());
                }
                int jump = fs.emitJump(g.line());
                fs.patchJump(jump, target[0]);
                return;
            }
        }
        int close = fs.emit(Opcode.CLOSE, fs.freeRegister, 0, 0, g.line());
        int jump = fs.emitJump(g.line());
        fs.block.pendingGotos.add(new FunctionState.PendingGoto(g.label(), close, jump, fs.activeCount(), fs.freeRegister, g.line()));
    }

    /**
     * A label. {@code isAtBlockEnd}: only labels follow it in its block, so a goto may jump
     * to it over local declarations (their scope ends there anyway; Lua 5.2 3.3.4, as LuaJIT).
     */
    static void label(FunctionState fs, Stat.Label l, boolean isAtBlockEnd) {
        for (FunctionState.Block b = fs.block; b != null; b = b.enclosing) {
            if (b.labels.containsKey(l.name())) {
                throw new LuaSyntaxError(fs.chunkName, l.line(), "duplicate label '" + l.name() + "'", null);
            }
        }
        fs.block.labels.put(l.name(), new int[] {fs.pcCount, fs.activeCount()});
        List<FunctionState.PendingGoto> resolved = new ArrayList<>();
        for (FunctionState.PendingGoto g : fs.block.pendingGotos) {
            if (g.label().equals(l.name())) {
                if (g.activeCount() < fs.activeCount() && !isAtBlockEnd) {
                    throw new LuaSyntaxError(fs.chunkName, g.line(), "<goto " + g.label() + "> jumps into the scope of local '"
                            + fs.findNameOfActive(g.activeCount()) + "'", null);
                }
                fs.setOperandA(g.closePc(), Math.min(fs.freeRegister, g.freeRegister()));
                fs.patchJump(g.jumpPc(), fs.pcCount);
                resolved.add(g);
            }
        }
        fs.block.pendingGotos.removeAll(resolved);
    }

    /** At a block's end, its unresolved gotos move to the enclosing block, where they may still find their label. */
    static void onBlockExit(FunctionState fs, FunctionState.Block b) {
        if (b.enclosing != null) {
            for (FunctionState.PendingGoto g : b.pendingGotos) {
                int outerActive = Math.min(g.activeCount(), b.activeAtStart);
                b.enclosing.pendingGotos.add(new FunctionState.PendingGoto(g.label(), g.closePc(), g.jumpPc(), outerActive,
                        Math.min(g.freeRegister(), fs.blockBaseRegister(b)), g.line()));
            }
            b.pendingGotos.clear();
        }
    }

    static void atFunctionEnd(FunctionState fs) {
        FunctionState.Block b = fs.block;
        if (!b.pendingGotos.isEmpty()) {
            FunctionState.PendingGoto g = b.pendingGotos.getFirst();
            throw new LuaSyntaxError(fs.chunkName, g.line(), "undefined label '" + g.label() + "'", null);
        }
    }
}
