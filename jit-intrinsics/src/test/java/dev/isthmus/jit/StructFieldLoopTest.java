package dev.isthmus.jit;

import dev.isthmus.ffi.CData;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The package documentation's worked example, a loop summing a member over an array of structs, against CData. */
class StructFieldLoopTest {
    private static final long EXIT = Long.MIN_VALUE;

    static {
        TestNatives.FFI.cdef("struct jit_point { int32_t x, y; };");
    }

    /** (long p, long n)long: the sum of p[i].y for i < n, or EXIT when the guard on p fails. */
    private static MethodHandle sumOfY() {
        long size = TestNatives.FFI.sizeof("struct jit_point");
        long offset = TestNatives.FFI.offsetof("struct jit_point", "y");
        return Generated.method(MethodType.methodType(long.class, long.class, long.class), (mv, data) -> {
            int p = 0;
            int n = 2;
            int sum = 4;
            int i = 6;
            Label exit = new Label();
            Label loop = new Label();
            Label done = new Label();
            mv.visitVarInsn(Opcodes.LLOAD, p);
            Guards.emitMappable(mv, 1, exit);
            mv.visitInsn(Opcodes.LCONST_0);
            mv.visitVarInsn(Opcodes.LSTORE, sum);
            mv.visitInsn(Opcodes.LCONST_0);
            mv.visitVarInsn(Opcodes.LSTORE, i);
            mv.visitLabel(loop);
            mv.visitVarInsn(Opcodes.LLOAD, i);
            mv.visitVarInsn(Opcodes.LLOAD, n);
            mv.visitInsn(Opcodes.LCMP);
            mv.visitJumpInsn(Opcodes.IFGE, done);
            mv.visitVarInsn(Opcodes.LLOAD, sum);
            mv.visitVarInsn(Opcodes.LLOAD, p);
            mv.visitVarInsn(Opcodes.LLOAD, i);
            MemoryAccess.emitIndex(mv, size);
            MemoryAccess.emitOffset(mv, offset);
            MemoryAccess.emitLoad(mv, CScalar.INT32, Addressing.ADDRESS);
            CConversions.emitConvert(mv, CScalar.INT32, CScalar.INT64);
            mv.visitInsn(Opcodes.LADD);
            mv.visitVarInsn(Opcodes.LSTORE, sum);
            mv.visitVarInsn(Opcodes.LLOAD, i);
            mv.visitInsn(Opcodes.LCONST_1);
            mv.visitInsn(Opcodes.LADD);
            mv.visitVarInsn(Opcodes.LSTORE, i);
            mv.visitJumpInsn(Opcodes.GOTO, loop);
            mv.visitLabel(done);
            mv.visitVarInsn(Opcodes.LLOAD, sum);
            mv.visitInsn(Opcodes.LRETURN);
            mv.visitLabel(exit);
            mv.visitLdcInsn(EXIT);
            mv.visitInsn(Opcodes.LRETURN);
        });
    }

    @Test
    void sumOfY_overRandomPoints_isCDatasSum() throws Throwable {
        CData points = TestNatives.FFI.newCData("struct jit_point[1000]");
        Random random = new Random(9);
        long expected = 0;
        for (int i = 0; i < 1000; i++) {
            points.set("[" + i + "].x", random.nextInt());
            points.set("[" + i + "].y", random.nextInt());
            expected += (int) points.get("[" + i + "].y");
        }
        MethodHandle sum = sumOfY();
        assertEquals(expected, (long) sum.invokeExact(points.segment().address(), 1000L));
    }

    @Test
    void sumOfY_atNull_takesTheExitInsteadOfCrashing() throws Throwable {
        assertEquals(EXIT, (long) sumOfY().invokeExact(0L, 10L));
    }
}
