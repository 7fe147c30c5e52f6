package dev.isthmus.lua.interp;

/**
 * The Lua calls a trace had recorded inline and was inside when it left, outermost first:
 * level {@code j} runs {@code closures[j]} with its register 0 at {@code offsets[j]} registers
 * above the loop frame's base, called by the {@code CALL} at {@code callPcs[j]} of the level
 * below (level -1 being the loop's own frame). A trace leaving inside them has written their
 * registers with the loop frame's; the interpreter then runs each called function to its
 * return from where the trace left it, innermost first, and hands each one's results to its
 * caller as that {@code CALL} would have, so nothing that happened inside the calls runs twice.
 *
 * <p>{@code extent} is the first slot above the innermost frame, counted from the loop
 * frame's base: how far the value stack must reach before the trace writes the frames.
 */
public record InlinedFrames(LuaClosure[] closures, int[] offsets, int[] callPcs, int extent) {
    /** How many calls deep the trace was. */
    public int depth() {
        return closures.length;
    }

    /**
     * These calls followed by {@code inner}, calls a trace run from inside the innermost of
     * these (an inner loop's trace) was inside when it left, counted from that frame.
     */
    InlinedFrames then(InlinedFrames inner) {
        int from = offsets[offsets.length - 1];
        int depth = depth() + inner.depth();
        LuaClosure[] allClosures = java.util.Arrays.copyOf(closures, depth);
        int[] allOffsets = java.util.Arrays.copyOf(offsets, depth);
        int[] allCallPcs = java.util.Arrays.copyOf(callPcs, depth);
        for (int j = 0; j < inner.depth(); j++) {
            allClosures[depth() + j] = inner.closures[j];
            allOffsets[depth() + j] = from + inner.offsets[j];
            allCallPcs[depth() + j] = inner.callPcs[j];
        }
        return new InlinedFrames(allClosures, allOffsets, allCallPcs, Math.max(extent, from + inner.extent));
    }
}
