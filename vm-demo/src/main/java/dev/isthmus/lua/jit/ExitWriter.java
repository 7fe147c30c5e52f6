package dev.isthmus.lua.jit;

import dev.isthmus.jit.ClassData;
import dev.isthmus.lua.interp.InlinedFrames;
import dev.isthmus.lua.interp.TraceAccess;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import static org.objectweb.asm.Opcodes.*;

/**
 * The code of a trace's class that writes a snapshot into the frame: at an exit, and before
 * the frame is handed to other code (an inner loop's trace, the root after a link).
 *
 * <p>The writing is done by static methods of the class, called with the snapshot's values,
 * so that it stays out of the trace's method: HotSpot never compiles a method of more than
 * 8000 bytes of bytecode, and a tree's method holds every exit of its root and side traces.
 * Even so an exit's call costs two bytes or so a value, and a side trace's snapshots hold
 * most of the frame; so an exit whose snapshot extends one already placed (the same value in
 * each register that one writes: the usual case along a trace, and between a side trace and
 * the root it came from) writes only its own registers, through a method that takes only
 * those values, and jumps to that exit's call, which writes the rest and returns its pc.
 */
final class ExitWriter {
    private static final String ACCESS = Type.getInternalName(TraceAccess.class);
    private static final String STACK_TYPE = "Ldev/isthmus/lua/interp/ValueStack;";
    /** An exit chains onto one that shares at least this many of its values: fewer cost more to jump to than to load. */
    private static final int LEAST_SHARED = 4;

    private final TraceIr ir;
    private final ClassWriter classWriter;
    private final String className;
    private final MethodVisitor mv;
    private final ClassData constants;
    private final TraceExits exits;
    /** Pushes an IR value onto the trace method's operand stack. */
    private final IntConsumer load;
    private final int stack;
    private final int base;
    private final int frames;
    private final int scratchSlots;
    private final int scratchNums;
    /** Methods by what they write: the same registers with values of the same types share one (in the whole class). */
    private final Map<String, String> methods;
    /** The exits placed so far, each with the label where its operand stack holds exit number and pc. */
    private final List<Placed> placed = new ArrayList<>();
    /** The instruction whose snapshot is being written: the stores a sunk table it makes has had are those before it. */
    private int position;

    private record Placed(Map<Integer, Integer> writes, Label call) {
    }

    ExitWriter(TraceIr ir, ClassWriter classWriter, String className, MethodVisitor mv, ClassData constants, TraceExits exits,
            Map<String, String> methods, IntConsumer load, int stack, int base, int frames, int scratchSlots, int scratchNums) {
        this.ir = ir;
        this.classWriter = classWriter;
        this.className = className;
        this.mv = mv;
        this.constants = constants;
        this.exits = exits;
        this.methods = methods;
        this.load = load;
        this.stack = stack;
        this.base = base;
        this.frames = frames;
        this.scratchSlots = scratchSlots;
        this.scratchNums = scratchNums;
    }

    /** Counts exit {@code snapshot} as taken, writes it, and leaves its pc on the operand stack. */
    void exit(int snapshot) {
        Snapshot s = ir.snapshots.get(snapshot);
        position = AllocationSinking.positionOf(ir, snapshot);
        leaveInside(s);
        write(snapshot, s);
    }

    private void write(int snapshot, Snapshot s) {
        int[] all = indices(s.registers().length);
        String descriptor = descriptor(s, all, true);
        if (descriptor == null) {
            countExit(mv, () -> mv.visitLdcInsn(snapshot));
            writeInline(s);
            mv.visitLdcInsn(s.pc());
            return;
        }
        mv.visitLdcInsn(snapshot);
        mv.visitLdcInsn(s.pc());
        call(s, all, descriptor, true);
    }

    /** How an exit returns its pc from the method (a function tree's direct entry goes on with it, see {@code TraceCodegen}). */
    private Runnable returnPc;

    void returnPcWith(Runnable returnPc) {
        this.returnPc = returnPc;
    }

    private void returnPc() {
        if (returnPc == null) {
            mv.visitInsn(IRETURN);
        } else {
            returnPc.run();
        }
    }

    /** {@link #exit} and a return of the pc, sharing what it writes with an exit placed before it where it can. */
    void exitAndReturn(int snapshot) {
        Snapshot s = ir.snapshots.get(snapshot);
        position = AllocationSinking.positionOf(ir, snapshot);
        // Before the part another exit may jump into: the frames are this exit's own.
        leaveInside(s);
        Map<Integer, Integer> writes = writesOf(s);
        // A sunk table has other fields at another exit: no sharing of the writing of one.
        boolean makesTables = Arrays.stream(s.refs()).anyMatch(r -> ir.at(r).op == IrOp.SNEW);
        Placed onto = makesTables ? null : largestContained(writes);
        int[] writing = Arrays.stream(indices(s.registers().length))
                .filter(j -> onto == null || !onto.writes().containsKey(s.registers()[j])).toArray();
        // Alone, the call counts the exit and returns its pc; onto another, it writes the rest and jumps there.
        boolean alone = onto == null;
        String descriptor = descriptor(s, writing, alone);
        if (descriptor == null) {
            write(snapshot, s);
            returnPc();
            return;
        }
        mv.visitLdcInsn(snapshot);
        mv.visitLdcInsn(s.pc());
        Label call = new Label();
        mv.visitLabel(call);
        if (alone || writing.length > 0) {
            call(s, writing, descriptor, alone);
        }
        if (alone) {
            returnPc();
        } else {
            mv.visitJumpInsn(GOTO, onto.call());
        }
        if (!makesTables) {
            placed.add(new Placed(writes, call));
        }
    }

    /** Writes snapshot {@code snapshot} without counting an exit, leaving its pc on the operand stack. */
    void flush(int snapshot) {
        Snapshot s = ir.snapshots.get(snapshot);
        if (s.resumed() >= 0) {
            throw new IllegalStateException("a hand-over between a call and the taker of its results");
        }
        position = AllocationSinking.positionOf(ir, snapshot);
        if (s.inside() != null) {
            // Handed to an inner loop's trace inside calls recorded inline: their frames too.
            callWithFrames("reachOver", "", s.inside());
        }
        int[] all = indices(s.registers().length);
        String descriptor = descriptor(s, all, false);
        if (descriptor == null) {
            writeInline(s);
        } else {
            call(s, all, descriptor, false);
        }
        mv.visitLdcInsn(s.pc());
    }

    /**
     * At an exit inside calls the trace recorded inline: the interpreter told to finish them,
     * the value stack made to reach over their frames first ({@code TraceAccess.leaveInside});
     * at an exit completing a call ({@link Snapshot#resumed}), told so.
     */
    private void leaveInside(Snapshot s) {
        if (s.resumed() >= 0) {
            // The interpreter completes the call at the pc with the results the registers hold.
            mv.visitVarInsn(ALOAD, frames);
            mv.visitLdcInsn(s.resumed());
            mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(TraceAccess.class), "completeCall", "(Ldev/isthmus/lua/interp/CallStack;I)V", false);
        }
        if (s.inside() != null) {
            mv.visitVarInsn(ALOAD, frames);
            callWithFrames("leaveInside", "Ldev/isthmus/lua/interp/CallStack;", s.inside());
        }
    }

    /** {@code TraceAccess.method(leading..., stack, base, inside)}, the arguments of descriptor {@code leading} pushed before. */
    private void callWithFrames(String method, String leading, InlinedFrames inside) {
        mv.visitVarInsn(ALOAD, stack);
        mv.visitVarInsn(ILOAD, base);
        constants.emitLoad(mv, inside, InlinedFrames.class);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, method, "(" + leading + STACK_TYPE + "IL" + Type.getInternalName(InlinedFrames.class) + ";)V", false);
    }

    private static int[] indices(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, j -> j);
        return all;
    }

    private static Map<Integer, Integer> writesOf(Snapshot s) {
        Map<Integer, Integer> writes = new HashMap<>();
        for (int j = 0; j < s.registers().length; j++) {
            writes.put(s.registers()[j], s.refs()[j]);
        }
        return writes;
    }

    /** The placed exit with the most writes, all of them also {@code writes}', if it has enough. */
    private Placed largestContained(Map<Integer, Integer> writes) {
        Placed best = null;
        for (Placed p : placed) {
            if (p.writes().size() >= LEAST_SHARED && (best == null || p.writes().size() > best.writes().size())
                    && p.writes().size() <= writes.size()
                    && p.writes().entrySet().stream().allMatch(w -> w.getValue().equals(writes.get(w.getKey())))) {
                best = p;
            }
        }
        return best;
    }

    /**
     * {@code (ValueStack, int base, values...)}: returning the pc it is given after the stack
     * and counting the exit it is given first ({@code (int exit, int pc, ...)int}) when
     * {@code counted}, else returning nothing; null when the values take more parameter slots than a method has.
     */
    private String descriptor(Snapshot s, int[] which, boolean counted) {
        StringBuilder d = new StringBuilder(counted ? "(II" : "(").append(STACK_TYPE).append('I');
        int slots = counted ? 4 : 2;
        for (int j : which) {
            IrType type = writtenType(s.refs()[j]);
            if (type == IrType.LONG || type == IrType.VOID) {
                throw new IllegalStateException("a register cannot hold " + type);
            }
            d.append(type.descriptor);
            slots += TraceCodegen.slotsOf(type);
        }
        return slots > 255 ? null : d.append(counted ? ")I" : ")V").toString();
    }

    /** Calls the method writing entries {@code which} of {@code s}, defining it the first time. */
    private void call(Snapshot s, int[] which, String descriptor, boolean counted) {
        int[] registers = Arrays.stream(which).map(j -> s.registers()[j]).toArray();
        String key = descriptor + Arrays.toString(registers);
        String name = methods.computeIfAbsent(key, k -> {
            String method = (counted ? "exit" : "write") + methods.size();
            defineMethod(method, descriptor, s, which, counted);
            return method;
        });
        mv.visitVarInsn(ALOAD, stack);
        mv.visitVarInsn(ILOAD, base);
        for (int j : which) {
            push(s.refs()[j]);
        }
        mv.visitMethodInsn(INVOKESTATIC, className, name, descriptor, false);
    }

    private void defineMethod(String name, String descriptor, Snapshot s, int[] which, boolean counted) {
        MethodVisitor m = classWriter.visitMethod(ACC_PRIVATE | ACC_STATIC, name, descriptor, null, null);
        m.visitCode();
        int stackParameter = counted ? 2 : 0;
        int baseParameter = stackParameter + 1;
        if (counted) {
            countExit(m, () -> m.visitVarInsn(ILOAD, 0));
        }
        int[] parameter = new int[which.length];
        int next = baseParameter + 1;
        for (int j = 0; j < which.length; j++) {
            parameter[j] = next;
            next += writtenType(s.refs()[which[j]]) == IrType.NUM ? 2 : 1;
        }
        int slots = next;
        int nums = next + 1;
        storeArrays(m, stackParameter, slots, nums);
        for (int j = 0; j < which.length; j++) {
            IrType type = writtenType(s.refs()[which[j]]);
            int at = parameter[j];
            writeRegister(m, slots, nums, baseParameter, s.registers()[which[j]], type != IrType.REF, () -> {
                m.visitVarInsn(type == IrType.NUM ? DLOAD : type == IrType.INT ? ILOAD : ALOAD, at);
                if (type == IrType.INT) {
                    m.visitInsn(I2D);
                }
            });
        }
        if (counted) {
            m.visitVarInsn(ILOAD, 1);
            m.visitInsn(IRETURN);
        } else {
            m.visitInsn(RETURN);
        }
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** {@code exits.taken(n)} with the exit's number pushed by {@code exit}: exits are numbered by their snapshots, as {@code -jdump} shows them. */
    private void countExit(MethodVisitor m, Runnable exit) {
        constants.emitLoad(m, exits, TraceExits.class);
        exit.run();
        m.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(TraceExits.class), "taken", "(I)V", false);
    }

    /** The snapshot written by the trace's own method (a snapshot too large for a method's parameters). */
    private void writeInline(Snapshot s) {
        storeArrays(mv, stack, scratchSlots, scratchNums);
        for (int j = 0; j < s.registers().length; j++) {
            int ref = s.refs()[j];
            IrType type = writtenType(ref);
            writeRegister(mv, scratchSlots, scratchNums, base, s.registers()[j], type != IrType.REF, () -> {
                push(ref);
                if (type == IrType.INT) {
                    mv.visitInsn(I2D);
                }
            });
        }
    }

    /** What a register gets for value {@code ref}: a 64-bit integer kept as a long is written as its cdata. */
    private IrType writtenType(int ref) {
        IrType type = ir.typeOf(ref);
        return type == IrType.LONG ? IrType.REF : type;
    }

    /** Pushes value {@code ref} onto the trace method's operand stack as {@link #writtenType} says: a 64-bit integer boxed. */
    private void push(int ref) {
        if (ir.at(ref).op == IrOp.SNEW) {
            makeSunkTable(ref);
        } else if (ir.typeOf(ref) == IrType.LONG) {
            Int64Emission.box(mv, constants, Int64Recording.kindOf(ir, ref), () -> load.accept(ref));
        } else {
            load.accept(ref);
        }
    }

    /**
     * Pushes the sunk table {@code table} made now ({@link AllocationSinking}): a new table of its
     * sizes, with the stores the trace made to it before this exit ({@link #position}) done in
     * their order.
     */
    private void makeSunkTable(int table) {
        int[] sizes = (int[]) ir.at(table).aux;
        String tableType = Type.getInternalName(dev.isthmus.lua.runtime.LuaTable.class);
        mv.visitTypeInsn(NEW, tableType);
        mv.visitInsn(DUP);
        mv.visitLdcInsn(sizes[0]);
        mv.visitLdcInsn(sizes[1]);
        mv.visitMethodInsn(INVOKESPECIAL, tableType, "<init>", "(II)V", false);
        for (Ir store : AllocationSinking.storesBefore(ir, table, position)) {
            mv.visitInsn(DUP);
            constants.emitLoad(mv, store.aux, Object.class);
            IrType type = ir.typeOf(store.b);
            boolean number = type == IrType.NUM || type == IrType.INT;
            push(store.b);
            if (type == IrType.INT) {
                mv.visitInsn(I2D);
            }
            mv.visitMethodInsn(INVOKESTATIC, ACCESS, number ? "rawSetNumberValue" : "rawSet",
                    "(L" + tableType + ";Ljava/lang/Object;" + (number ? "D" : "Ljava/lang/Object;") + ")V", false);
        }
    }

    /** The value stack's two arrays (ValueStack in local {@code stack}) into locals {@code slots} and {@code nums}. */
    private static void storeArrays(MethodVisitor m, int stack, int slots, int nums) {
        m.visitVarInsn(ALOAD, stack);
        m.visitMethodInsn(INVOKESTATIC, ACCESS, "slots", "(" + STACK_TYPE + ")[Ljava/lang/Object;", false);
        m.visitVarInsn(ASTORE, slots);
        m.visitVarInsn(ALOAD, stack);
        m.visitMethodInsn(INVOKESTATIC, ACCESS, "nums", "(" + STACK_TYPE + ")[D", false);
        m.visitVarInsn(ASTORE, nums);
    }

    /** Register {@code register} of the frame at local {@code base} gets the value {@code value} pushes: a number unboxed. */
    private static void writeRegister(MethodVisitor m, int slots, int nums, int base, int register, boolean number, Runnable value) {
        m.visitVarInsn(ALOAD, slots);
        m.visitVarInsn(ILOAD, base);
        m.visitLdcInsn(register);
        m.visitInsn(IADD);
        if (number) {
            m.visitFieldInsn(GETSTATIC, ACCESS, "NUMBER", "Ljava/lang/Object;");
            m.visitInsn(AASTORE);
            m.visitVarInsn(ALOAD, nums);
            m.visitVarInsn(ILOAD, base);
            m.visitLdcInsn(register);
            m.visitInsn(IADD);
            value.run();
            m.visitInsn(DASTORE);
        } else {
            value.run();
            m.visitInsn(AASTORE);
        }
    }
}
