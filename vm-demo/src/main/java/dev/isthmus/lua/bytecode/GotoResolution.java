package dev.isthmus.lua.bytecode;

import dev.isthmus.lua.parse.LuaSyntaxError;
import dev.isthmus.lua.parse.Stat;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code goto} and labels (LuaJIT's, as in Lua 5.2): gotos wait in their block, move
 * outwards as blocks end, and are patched when a label of their name appears after them in
 * the same or an enclosing block, or, failing that, when the block holding an earlier label
 * of that name ends; jumps close the locals they leave; a jump into the scope of a local is
 * an error unless the label ends its block.
 */
final class GotoResolution {
    private GotoResolution() {
    }

    /**
     * A goto waits in its block until a label resolves it: a later label of the same name in
     * its block or an enclosing one (forward), or, when a block ends, an earlier label of that
     * block (backward). Forward resolution wins, as in LuaJIT: {@code ::a:: do goto a; ::a:: end}
     * jumps to the inner label.
     */
    static void gotoStatement(FunctionState fs, Stat.Goto g) {
        int close = fs.emit(Opcode.CLOSE, fs.freeRegister, 0, 0, g.line());
        int jump = fs.emitJump(g.line());
        fs.block.pendingGotos.add(new FunctionState.PendingGoto(g.label(), close, jump, fs.activeCount(), fs.freeRegister, g.line()));
    }

    /**
     * A label. {@code isAtBlockEnd}: only labels follow it in its block, so a goto may jump
     * to it over local declarations (their scope ends there anyway; Lua 5.2 3.3.4, as LuaJIT).
     */
    static void label(FunctionState fs, Stat.Label l, boolean isAtBlockEnd) {
        // Only the block's own labels clash: an enclosing block's label of the same name is
        // shadowed (LuaJIT's parse_label looks no further).
        if (fs.block.labels.containsKey(l.name())) {
            throw new LuaSyntaxError(fs.chunkName, l.line(), "duplicate label '" + l.name() + "'", null);
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
        resolveBackward(fs, b);
        if (b.enclosing != null) {
            for (FunctionState.PendingGoto g : b.pendingGotos) {
                int outerActive = Math.min(g.activeCount(), b.activeAtStart);
                b.enclosing.pendingGotos.add(new FunctionState.PendingGoto(g.label(), g.closePc(), g.jumpPc(), outerActive,
                        Math.min(g.freeRegister(), fs.blockBaseRegister(b)), g.line()));
            }
            b.pendingGotos.clear();
        }
    }

    /**
     * Gotos still waiting when their block ends, whose label stands earlier in that block,
     * jump back to it, closing the upvalues of the locals declared after the label.
     */
    private static void resolveBackward(FunctionState fs, FunctionState.Block b) {
        List<FunctionState.PendingGoto> resolved = new ArrayList<>();
        for (FunctionState.PendingGoto g : b.pendingGotos) {
            int[] target = b.labels.get(g.label());
            if (target != null) {
                int labelLevel = target[1] == 0 ? 0 : fs.registerOfActive(target[1] - 1) + 1;
                fs.setOperandA(g.closePc(), labelLevel);
                fs.patchJump(g.jumpPc(), target[0]);
                resolved.add(g);
            }
        }
        b.pendingGotos.removeAll(resolved);
    }

    static void atFunctionEnd(FunctionState fs) {
        FunctionState.Block b = fs.block;
        resolveBackward(fs, b);
        if (!b.pendingGotos.isEmpty()) {
            FunctionState.PendingGoto g = b.pendingGotos.getFirst();
            throw new LuaSyntaxError(fs.chunkName, g.line(), "undefined label '" + g.label() + "'", null);
        }
    }
}
