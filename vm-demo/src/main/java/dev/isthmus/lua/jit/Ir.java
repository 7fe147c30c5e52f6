package dev.isthmus.lua.jit;

import java.util.Arrays;

/**
 * One IR instruction: its operation, result type, up to three operand references, the extra
 * operands of a call ({@code args}), its constants ({@code aux}, {@code aux2}), the bytecode pc
 * it came from (where an error it raises is reported) and, for guards and calls, the snapshot
 * it leaves the trace through.
 */
final class Ir {
    static final int NONE = -1;

    final IrOp op;
    final IrType type;
    final int a;
    final int b;
    final int c;
    final int[] args;
    final Object aux;
    final Object aux2;
    final int pc;
    int snapshot = NONE;

    Ir(IrOp op, IrType type, int a, int b, int c, int[] args, Object aux, Object aux2, int pc) {
        this.op = op;
        this.type = type;
        this.a = a;
        this.b = b;
        this.c = c;
        this.args = args;
        this.aux = aux;
        this.aux2 = aux2;
        this.pc = pc;
    }

    /** The operand references, in order. */
    int[] operands() {
        int count = (a != NONE ? 1 : 0) + (b != NONE ? 1 : 0) + (c != NONE ? 1 : 0);
        int[] all = Arrays.copyOf(new int[] {a, b, c}, count);
        if (args == null) {
            return all;
        }
        int[] joined = Arrays.copyOf(all, count + args.length);
        System.arraycopy(args, 0, joined, count, args.length);
        return joined;
    }

    /** The key under which two pure instructions compute the same value. */
    Object valueKey() {
        return Arrays.asList(op, type, a, b, c, args == null ? null : Arrays.toString(args), identity(aux), identity(aux2));
    }

    /** Constants compare by identity (two equal strings are the same key, two equal tables are not). */
    private static Object identity(Object o) {
        if (o instanceof long[] offsets) {
            return Arrays.toString(offsets);
        }
        return o == null || o instanceof Double || o instanceof Compare || o instanceof Integer || o instanceof Long || o instanceof Boolean
                || o instanceof Class<?> || o instanceof Int64Kind || o instanceof dev.isthmus.jit.CScalar || o instanceof String
                || o instanceof dev.isthmus.lua.runtime.LuaString ? o : new IdentityKey(o);
    }

    private record IdentityKey(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey k && k.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    static String ref(int r) {
        return String.format("%04d", r);
    }
}
