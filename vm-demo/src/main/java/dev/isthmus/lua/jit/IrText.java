package dev.isthmus.lua.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The IR of a trace as text, which reads back as the same IR, so an optimisation is tested
 * by the IR before it and the IR expected after it. One instruction a line:
 * <pre>
 * 0003 num add 0001 0002
 * 0005 num fnum (0003 0004) handle:sqrt java"sqrt" @7  [exit 2 pc 7 1=0003 4=0002]
 * ---- LOOP ----
 * </pre>
 * its reference (its index: lines are numbered from 0, in order), its {@link IrType}, its
 * {@link IrOp}, its operands {@code a}, {@code b}, {@code c} (the references written),
 * {@code args} in parentheses, its constants {@code aux} and {@code aux2} as
 * {@link IrConstants} writes them ({@code nil} for an absent {@code aux} before an
 * {@code aux2}), {@code @pc} when its pc differs from the line before's (the first line's
 * from 0), and its snapshot: the exit number, the pc to resume at, and each register written
 * with its value. {@code ---- LOOP ----} stands before the loop body. Blank lines are skipped.
 */
final class IrText {
    static final String LOOP_MARKER = "---- LOOP ----";

    private IrText() {
    }

    static String print(TraceIr ir, IrSymbols symbols) {
        return print(ir, symbols, 0, ir.code.size());
    }

    /** Instructions {@code from} (inclusive) to {@code to} of {@code ir}: a side trace's code in its tree. */
    static String print(TraceIr ir, IrSymbols symbols, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int pc = 0;
        for (int i = from; i < to; i++) {
            if (i == ir.loopStart) {
                sb.append(LOOP_MARKER).append('\n');
            }
            Ir x = ir.at(i);
            sb.append(Ir.ref(i)).append(' ').append(String.format("%-3s", x.type.name().toLowerCase(Locale.ROOT)))
                    .append(' ').append(x.op.name().toLowerCase(Locale.ROOT));
            for (int r : new int[] {x.a, x.b, x.c}) {
                if (r != Ir.NONE) {
                    sb.append(' ').append(Ir.ref(r));
                }
            }
            if (x.args != null) {
                sb.append(" (").append(String.join(" ", Arrays.stream(x.args).mapToObj(Ir::ref).toList())).append(')');
            }
            if (x.aux != null || x.aux2 != null || x.op == IrOp.KREF) {
                sb.append(' ').append(IrConstants.format(x.aux, symbols));
            }
            if (x.aux2 != null) {
                sb.append(' ').append(IrConstants.format(x.aux2, symbols));
            }
            if (x.pc != pc) {
                sb.append(" @").append(x.pc);
                pc = x.pc;
            }
            if (x.snapshot != Ir.NONE) {
                sb.append("  ").append(snapshot(x.snapshot, ir.snapshots.get(x.snapshot), symbols));
            }
            sb.append('\n');
        }
        if (ir.loopStart == ir.code.size() && to == ir.code.size()) {
            sb.append(LOOP_MARKER).append('\n');
        }
        return sb.toString();
    }

    private static String snapshot(int number, Snapshot s, IrSymbols symbols) {
        StringBuilder sb = new StringBuilder("[exit ").append(number).append(" pc ").append(s.pc());
        if (s.resumed() >= 0) {
            // The call at the pc completed with this many results.
            sb.append(" resumed ").append(s.resumed());
        }
        if (s.inside() != null) {
            // The pc is in the innermost of these calls recorded inline.
            sb.append(" inside ").append(symbols.nameOf(s.inside()));
        }
        for (int j = 0; j < s.registers().length; j++) {
            sb.append(' ').append(s.registers()[j]).append('=').append(Ir.ref(s.refs()[j]));
        }
        return sb.append(']').toString();
    }

    /**
     * The IR {@code text} describes, its instructions as written (nothing folded or shared).
     * Snapshots keep their exit numbers; a number no line uses is an empty snapshot.
     *
     * @throws IllegalArgumentException for text that is not IR, with the line and column
     */
    static TraceIr parse(String text, IrSymbols symbols) {
        TraceIr ir = new TraceIr();
        List<Snapshot> snapshots = new ArrayList<>();
        List<IrLine> lines = new ArrayList<>();
        String[] rows = text.split("\n", -1);
        int pc = 0;
        for (int n = 0; n < rows.length; n++) {
            String row = rows[n].strip();
            if (row.isEmpty()) {
                continue;
            }
            if (row.equals(LOOP_MARKER)) {
                if (ir.loopStart != -1) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": a second loop marker");
                }
                ir.loopStart = ir.code.size();
                continue;
            }
            IrLine line = IrLine.read(rows[n], n + 1, ir.code.size(), pc, symbols);
            pc = line.ir().pc;
            ir.code.add(line.ir());
            lines.add(line);
            if (line.snapshotNumber() != Ir.NONE) {
                addSnapshot(snapshots, line);
                line.ir().snapshot = line.snapshotNumber();
            }
        }
        for (IrLine line : lines) {
            line.checkReferences(ir.code.size());
        }
        for (Snapshot s : snapshots) {
            ir.snapshots.add(s != null ? s : new Snapshot(0, new int[0], new int[0]));
        }
        return ir;
    }

    /** Exit numbers are the snapshots' indexes: the gaps are filled, a number used twice must mean the same snapshot. */
    private static void addSnapshot(List<Snapshot> snapshots, IrLine line) {
        int number = line.snapshotNumber();
        while (snapshots.size() <= number) {
            snapshots.add(null);
        }
        Snapshot before = snapshots.get(number);
        Snapshot s = line.snapshot();
        if (before != null && !(before.pc() == s.pc() && Arrays.equals(before.registers(), s.registers()) && Arrays.equals(before.refs(), s.refs()))) {
            throw new IllegalArgumentException("line " + line.lineNumber() + ": exit " + number + " differs from its earlier use");
        }
        snapshots.set(number, s);
    }
}
