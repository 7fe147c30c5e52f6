package dev.isthmus.lua.jit;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.lua.ffi.Cdata;
import dev.isthmus.lua.ffi.CdataTraces;
import dev.isthmus.lua.runtime.LuaString;

/**
 * The recording of cdata with storage (structs, arrays, scalars) and pointers read and written
 * with members and indices: loads and stores at offsets ({@link IrOp#CLOAD}, {@link IrOp#CSTORE})
 * behind a ctype guard and, for elements, a bounds guard, or views of nested aggregates
 * ({@link IrOp#CVIEW}). The rest of the recording is {@link TraceRecorder}'s.
 */
final class CdataRecording {
    private final TraceRecorder recorder;

    CdataRecording(TraceRecorder recorder) {
        this.recorder = recorder;
    }

    private int place(int object, Cdata.Memory m, int pc) {
        Ir x = recorder.ir.at(object);
        if (x.op == IrOp.CVIEW) {
            return element(x.a, x.b, (Long) x.aux2, pc);
        }
        recorder.guard(new Ir(IrOp.GCTYPE, IrType.VOID, object, Ir.NONE, Ir.NONE, null, m.type(), null, pc), pc);
        return recorder.ir.emit(new Ir(IrOp.CADDR, IrType.LONG, object, Ir.NONE, Ir.NONE, null, null, null, pc));
    }

    /** An index as the int it is when it is a narrowed loop's index (as a number, {@code TONUM} of it), else as it is. */
    private int intIfNarrowed(int index) {
        return recorder.ir.at(index).op == IrOp.TONUM ? recorder.ir.at(index).a : index;
    }

    /** The address of element {@code index} of {@code size} bytes of the cdata array {@code array}, guarded inside it. */
    private int element(int array, int index, long size, int pc) {
        int address = recorder.ir.emit(new Ir(IrOp.CADDR, IrType.LONG, array, Ir.NONE, Ir.NONE, null, null, null, pc));
        int extent = recorder.ir.emit(new Ir(IrOp.CSIZE, IrType.LONG, array, Ir.NONE, Ir.NONE, null, null, null, pc));
        return recorder.guard(new Ir(IrOp.CELEM, IrType.LONG, address, extent, intIfNarrowed(index), null, null, size, pc), pc);
    }

    /** {@code m[RK(key)]} as a load or a view, or {@link Ir#NONE} when it takes the general path. */
    int read(int object, Cdata.Memory m, int key, int pc) {
        Object k = recorder.operandValue(key);
        // A member name only as a constant: a name in a register may be another one next time.
        if (k instanceof LuaString name && key < 0) {
            CdataTraces.Slot slot = CdataTraces.member(m, name);
            if (slot == null) {
                return Ir.NONE;
            }
            return recorder.ir.emit(new Ir(IrOp.CLOAD, IrType.NUM, place(object, m, pc), Ir.NONE, Ir.NONE, null, slot.scalar(), slot.offset(), pc));
        }
        CType element = CdataTraces.elementType(m);
        if (!(k instanceof Double) || element == null || recorder.ir.at(object).op == IrOp.CVIEW) {
            return Ir.NONE;
        }
        CdataTraces.Slot slot = CdataTraces.element(m);
        boolean isRecord = CdataTraces.isRecord(element);
        if (slot == null && !isRecord) {
            return Ir.NONE;
        }
        place(object, m, pc);
        int index = recorder.operand(key, pc);
        long size = CdataTraces.elementSize(m, element);
        int address = element(object, index, size, pc);
        if (slot != null) {
            return recorder.ir.emit(new Ir(IrOp.CLOAD, IrType.NUM, address, Ir.NONE, Ir.NONE, null, slot.scalar(), 0L, pc));
        }
        return recorder.ir.emit(new Ir(IrOp.CVIEW, IrType.REF, object, index, Ir.NONE, null, element, size, pc));
    }

    /** The address of {@code p[RK(key)]} for a number key, guarded (with the pointer's ctype); NONE when not a number scalar. */
    private int pointerElement(int object, Cdata.Pointer p, CdataTraces.Slot slot, int key, int pc) {
        if (slot == null || !(recorder.operandValue(key) instanceof Double)) {
            return Ir.NONE;
        }
        Ir x = recorder.ir.at(object);
        // A pointer the trace cast has the cast's type, and is read through the pointer it was cast from.
        boolean isCast = x.op == IrOp.PCAST && x.aux == p.type();
        if (!isCast) {
            recorder.guard(new Ir(IrOp.GCTYPE, IrType.VOID, object, Ir.NONE, Ir.NONE, null, p.type(), null, pc), pc);
        }
        int index = intIfNarrowed(recorder.operand(key, pc));
        return recorder.guard(new Ir(IrOp.PELEM, IrType.LONG, isCast ? x.a : object, index, Ir.NONE, null, null, CdataTraces.pointerElementSize(p), pc), pc);
    }

    /** {@code p[RK(key)]} of a pointer to a number scalar as a load, or {@link Ir#NONE}. */
    int pointerRead(int object, Cdata.Pointer p, int key, int pc) {
        CdataTraces.Slot slot = CdataTraces.pointerElement(p);
        int address = pointerElement(object, p, slot, key, pc);
        return address == Ir.NONE ? Ir.NONE : recorder.ir.emit(new Ir(IrOp.CLOAD, IrType.NUM, address, Ir.NONE, Ir.NONE, null, slot.scalar(), 0L, pc));
    }

    /** {@code p[RK(key)] = RK(value)} of a pointer to a writable number scalar as a store; false otherwise. */
    boolean pointerWrite(int object, Cdata.Pointer p, int key, int value, int pc) {
        CdataTraces.Slot slot = CdataTraces.pointerElement(p);
        if (slot == null || !slot.isWritable() || !(recorder.operandValue(key) instanceof Double)) {
            return false;
        }
        int v = recorder.operand(value, pc);
        if (recorder.ir.typeOf(v) != IrType.NUM) {
            return false;
        }
        int address = pointerElement(object, p, slot, key, pc);
        recorder.guard(new Ir(IrOp.CSTORE, IrType.VOID, address, v, Ir.NONE, null, slot.scalar(), 0L, pc), pc);
        return true;
    }

    /** {@code m[RK(key)] = RK(value)} as a store; false when it takes the general path. */
    boolean write(int object, Cdata.Memory m, int key, int value, int pc) {
        Object k = recorder.operandValue(key);
        CdataTraces.Slot slot;
        if (k instanceof LuaString name && key < 0) {
            slot = CdataTraces.member(m, name);
        } else if (k instanceof Double && recorder.ir.at(object).op != IrOp.CVIEW) {
            slot = CdataTraces.element(m);
        } else {
            return false;
        }
        int v = recorder.operand(value, pc);
        if (slot == null || !slot.isWritable() || recorder.ir.typeOf(v) != IrType.NUM) {
            return false;
        }
        int at = place(object, m, pc);
        int address = k instanceof LuaString ? at
                : element(object, recorder.operand(key, pc), CdataTraces.elementSize(m, CdataTraces.elementType(m)), pc);
        recorder.guard(new Ir(IrOp.CSTORE, IrType.VOID, address, v, Ir.NONE, null, slot.scalar(), slot.offset(), pc), pc);
        return true;
    }
}
