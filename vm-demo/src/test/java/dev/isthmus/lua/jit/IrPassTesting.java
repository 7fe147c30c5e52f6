package dev.isthmus.lua.jit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the optimiser's tests share: IR read from text and emitted instruction by instruction
 * through {@link TraceIr#emit} as the recorder emits it (so it is folded, shared and
 * deduplicated, and the emitter's tables hold what the recorder's would), and the IR after a
 * pass compared as text with the IR expected.
 */
final class IrPassTesting {
    private IrPassTesting() {
    }

    /** The names the tests write for object constants: two numeric forms, a ctype, an inner loop, the two kinds of 64-bit integers. */
    static IrSymbols symbols() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle sqrt = lookup.findStatic(Math.class, "sqrt", MethodType.methodType(double.class, double.class));
            MethodHandle max = lookup.findStatic(Math.class, "max", MethodType.methodType(double.class, double.class, double.class));
            return new IrSymbols().define("handle:sqrt", sqrt).define("handle:max", max)
                    .define("ctype:point", new Object()).define("loop:inner", new Object())
                    .define("kind:int64", new Int64Kind(null, false)).define("kind:uint64", new Int64Kind(null, true));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@code text}'s instructions emitted in order into a new trace, each operand and snapshot
     * value renamed to what its instruction became; {@code ---- LOOP ----} enters the loop.
     */
    static TraceIr emitted(String text, IrSymbols symbols) {
        TraceIr written = IrText.parse(text, symbols);
        TraceIr ir = new TraceIr();
        int[] sub = new int[written.code.size()];
        Arrays.fill(sub, Ir.NONE);
        for (int i = 0; i < written.code.size(); i++) {
            if (i == written.loopStart) {
                ir.loopStart = ir.code.size();
                ir.enterLoop();
            }
            Ir x = written.at(i);
            int[] args = x.args == null ? null : Arrays.stream(x.args).map(r -> renamed(sub, r)).toArray();
            int before = ir.code.size();
            sub[i] = ir.emit(new Ir(x.op, x.type, renamed(sub, x.a), renamed(sub, x.b), renamed(sub, x.c), args, x.aux, x.aux2, x.pc));
            if (sub[i] >= before && x.snapshot != Ir.NONE) {
                Snapshot s = written.snapshots.get(x.snapshot);
                int[] refs = Arrays.stream(s.refs()).map(r -> renamed(sub, r)).toArray();
                ir.at(sub[i]).snapshot = ir.snapshot(new Snapshot(s.pc(), s.registers(), refs));
            }
        }
        return ir;
    }

    /**
     * A recorded iteration as the recorder leaves it: {@code text} emitted, which must change
     * nothing (the text is what emission produces, so the test reads what the pass gets).
     */
    static TraceIr recorded(String text, IrSymbols symbols) {
        TraceIr ir = emitted(text, symbols);
        assertEquals(text.strip(), IrText.print(ir, symbols).strip(), "the recorded IR is not what emission makes of it");
        return ir;
    }

    private static int renamed(int[] sub, int ref) {
        if (ref == Ir.NONE) {
            return Ir.NONE;
        }
        if (sub[ref] == Ir.NONE) {
            throw new IllegalArgumentException("reference " + Ir.ref(ref) + " before its instruction");
        }
        return sub[ref];
    }

    static void assertIr(String expected, TraceIr ir, IrSymbols symbols) {
        assertEquals(expected.strip(), IrText.print(ir, symbols).strip());
    }
}
