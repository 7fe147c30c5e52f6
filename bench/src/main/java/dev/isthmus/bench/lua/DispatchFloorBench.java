package dev.isthmus.bench.lua;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;

/**
 * The floor under any bytecode interpreter on this JVM: a register interpreter stripped to
 * the dozen instructions {@code bench/lua/fib.lua} and {@code bench/lua/loops.lua} execute,
 * with the Lua VM's frame layout (one value stack, numbers unboxed beside a tag) and nothing
 * else: no metatables, no errors, no observer, no call stack, one int per instruction. What
 * it costs per Lua call and per loop iteration bounds what the real interpreter can reach;
 * {@code bench lua} prints PUC Lua 5.1's figures for the same two scripts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:-ClipInlining"})
public class DispatchFloorBench {
    /** fib(20) makes 21891 calls. */
    private static final int FIB_CALLS = 21891;
    private static final int LOOP_ITERATIONS = 100_000;

    private final Floor vm = new Floor();
    private final Floor.Closure fib = Floor.fib();
    private final Floor.Closure loop = Floor.numericLoop(LOOP_ITERATIONS);

    @Benchmark
    @OperationsPerInvocation(FIB_CALLS)
    public double fibPerCall() {
        return vm.call(fib, 20);
    }

    @Benchmark
    @OperationsPerInvocation(LOOP_ITERATIONS)
    public double numericLoopPerIteration() {
        return vm.call(loop, 0);
    }

    /** The stripped interpreter. Instructions: opcode 6 bits, A 8, B and C 9 each (negative: a constant). */
    static final class Floor {
        static final int LOADK = 0;
        static final int MOVE = 1;
        static final int LT = 2;
        static final int JMP = 3;
        static final int GETUPVAL = 4;
        static final int ADD = 5;
        static final int SUB = 6;
        static final int MUL = 7;
        static final int MOD = 8;
        static final int CALL = 9;
        static final int RETURN1 = 10;
        static final int FORPREP = 11;
        static final int FORLOOP = 12;
        private static final Object NUMBER = new Object();

        record Prototype(int[] code, Object[] constants, int frameSize) {
        }

        static final class Closure {
            final Prototype prototype;
            Object upvalue;

            Closure(Prototype prototype) {
                this.prototype = prototype;
            }
        }

        private final Object[] slots = new Object[1 << 16];
        private final double[] nums = new double[1 << 16];

        static int op(int op, int a, int b, int c) {
            return op | a << 6 | (b & 0x1ff) << 14 | c << 23;
        }

        /** {@code local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end}, as the VM compiles it. */
        static Closure fib() {
            int[] code = {
                op(LT, 0, 0, -1), op(JMP, 0, 1, 0), op(RETURN1, 0, 0, 0),
                op(GETUPVAL, 2, 0, 0), op(SUB, 3, 0, -2), op(CALL, 2, 2, 2),
                op(GETUPVAL, 3, 0, 0), op(SUB, 4, 0, -1), op(CALL, 3, 2, 2),
                op(ADD, 1, 2, 3), op(RETURN1, 1, 0, 0)};
            Closure f = new Closure(new Prototype(code, new Object[] {2.0, 1.0}, 5));
            f.upvalue = f;
            return f;
        }

        /** {@code local sum = 0 for i = 1, n do sum = sum + i % 7 * 0.5 end return sum}. */
        static Closure numericLoop(int n) {
            int[] code = {
                op(LOADK, 0, 0, 0), op(LOADK, 1, 1, 0), op(LOADK, 2, 4, 0), op(LOADK, 3, 1, 0),
                op(FORPREP, 1, 3, 0),
                op(MOD, 5, 4, -3), op(MUL, 5, 5, -4), op(ADD, 0, 0, 5),
                op(FORLOOP, 1, -4, 0), op(RETURN1, 0, 0, 0)};
            return new Closure(new Prototype(code, new Object[] {0.0, 1.0, 7.0, 0.5, (double) n}, 6));
        }

        double call(Closure f, double argument) {
            slots[0] = f;
            slots[1] = NUMBER;
            nums[1] = argument;
            run(f, 1);
            return nums[0];
        }

        private static double number(Object tag, double[] n, int slot) {
            return tag == NUMBER ? n[slot] : (Double) tag;
        }

        private void run(Closure cl, int base) {
            Prototype p = cl.prototype;
            int[] code = p.code;
            Object[] k = p.constants;
            Object[] s = slots;
            double[] n = nums;
            Arrays.fill(s, base + 1, base + p.frameSize, null);
            int pc = 0;
            while (true) {
                int instruction = code[pc++];
                int a = instruction >>> 6 & 0xff;
                int b = instruction << 9 >> 23;
                int c = instruction >> 23;
                switch (instruction & 0x3f) {
                    case LOADK -> s[base + a] = k[b];
                    case MOVE -> {
                        s[base + a] = s[base + b];
                        n[base + a] = n[base + b];
                    }
                    case LT -> {
                        Object x = b >= 0 ? s[base + b] : k[-1 - b];
                        Object y = c >= 0 ? s[base + c] : k[-1 - c];
                        boolean r = number(x, n, base + b) < number(y, n, base + c);
                        pc = r == (a != 0) ? pc + 1 + (code[pc] << 9 >> 23) : pc + 1;
                    }
                    case JMP -> pc += b;
                    case GETUPVAL -> s[base + a] = cl.upvalue;
                    case ADD, SUB, MUL, MOD -> {
                        Object x = b >= 0 ? s[base + b] : k[-1 - b];
                        Object y = c >= 0 ? s[base + c] : k[-1 - c];
                        double xv = number(x, n, base + b);
                        double yv = number(y, n, base + c);
                        n[base + a] = switch (instruction & 0x3f) {
                            case ADD -> xv + yv;
                            case SUB -> xv - yv;
                            case MUL -> xv * yv;
                            default -> xv - Math.floor(xv / yv) * yv;
                        };
                        s[base + a] = NUMBER;
                    }
                    case CALL -> run((Closure) s[base + a], base + a + 1);
                    case RETURN1 -> {
                        s[base - 1] = s[base + a];
                        n[base - 1] = n[base + a];
                        Arrays.fill(s, base, base + p.frameSize, null);
                        return;
                    }
                    case FORPREP -> {
                        double step = number(s[base + a + 2], n, base + a + 2);
                        n[base + a] = number(s[base + a], n, base + a) - step;
                        n[base + a + 1] = number(s[base + a + 1], n, base + a + 1);
                        n[base + a + 2] = step;
                        pc += b;
                    }
                    case FORLOOP -> {
                        double step = n[base + a + 2];
                        double index = n[base + a] + step;
                        if (step > 0 ? index <= n[base + a + 1] : index >= n[base + a + 1]) {
                            n[base + a] = index;
                            n[base + a + 3] = index;
                            s[base + a + 3] = NUMBER;
                            pc += b;
                        }
                    }
                    default -> throw new IllegalStateException("opcode " + (instruction & 0x3f));
                }
            }
        }
    }
}
