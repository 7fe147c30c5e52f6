package dev.isthmus.lua.interp;

import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.NumberCoercion;
import dev.isthmus.lua.runtime.StringLike;

/**
 * Lua's value semantics beyond the fast paths the interpreter inlines: arithmetic with
 * string coercion, comparison, equality, concatenation, length, indexing and calls, each
 * with its metamethod fallback (Lua 5.1 manual 2.8) and the reference error wording.
 * Messages are raised without a position; the interpreter adds {@code chunk:line:} and the
 * operand's name ({@code local 'x'}) where it knows them.
 */
public final class LuaSemantics {
    private static final int MAX_INDEX_CHAIN = 100;
    private final LuaRuntime runtime;

    LuaSemantics(LuaRuntime runtime) {
        this.runtime = runtime;
    }

    /** The metatable of any value: a table's, cdata's or userdata's own, else the one its type shares. */
    public LuaTable metatable(Object v) {
        return switch (v) {
            case LuaTable t -> t.metatable();
            case LuaObject o -> o.metatable();
            case LuaString s -> runtime.typeMetatable(LuaType.STRING);
            case null, default -> runtime.typeMetatable(LuaType.of(v));
        };
    }

    public Object metamethod(Object v, LuaString event) {
        LuaTable mt = metatable(v);
        return mt == null ? null : mt.get(event);
    }

    // ---- arithmetic

    public enum Arith {
        ADD("__add"), SUB("__sub"), MUL("__mul"), DIV("__div"), MOD("__mod"), POW("__pow"), UNM("__unm");

        final LuaString event;

        Arith(String event) {
            this.event = LuaString.of(event);
        }

        double apply(double a, double b) {
            return switch (this) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                case MOD -> mod(a, b);
                case POW -> dev.isthmus.lua.runtime.CMath.pow(a, b);
                case UNM -> -a;
            };
        }
    }

    /** Lua's modulo: {@code a - floor(a/b)*b} (Lua 5.1 2.5.1), so the result takes the divisor's sign. */
    public static double mod(double a, double b) {
        // Computed literally, as LuaJIT does: a finite a with an infinite b gives nan (0 * inf).
        return a - Math.floor(a / b) * b;
    }

    /**
     * {@link #mod} by a positive int {@code b}, a trace's {@code a % 60}: an integral {@code a} in
     * the int range takes the int remainder, which C2 computes by multiplying when {@code b} is a
     * constant, instead of a division and a floor. It is the formula's value there: below 2^31
     * in magnitude the quotient's floor is exact (a quotient just under an integer n stays under
     * it, n being far below 2^53 / b), and -0 gives +0 both ways.
     */
    public static double modByInt(double a, int b) {
        int i = (int) a;
        if (i != a) {
            return mod(a, b);
        }
        int r = i % b;
        return r < 0 ? r + b : r;
    }

    /**
     * {@code a op b} when the fast path (two numbers) did not apply. Throws with the
     * operand that failed: {@code whichFailed[0]} is set to 0 for {@code a}, 1 for {@code b}.
     */
    public Object arith(Arith op, Object a, Object b) {
        Double x = toNumber(a);
        Double y = toNumber(b);
        if (x != null && y != null) {
            return op.apply(x, y);
        }
        Object handler = metamethod(a, op.event);
        if (handler == null) {
            handler = metamethod(b, op.event);
        }
        if (handler != null) {
            return first(callMetamethod(handler, op.event, new Object[] {a, b}));
        }
        throw new OperandError(x == null ? 0 : 1, "perform arithmetic on", x == null ? a : b);
    }

    public Object unaryMinus(Object a) {
        Double x = toNumber(a);
        if (x != null) {
            return -x;
        }
        Object handler = metamethod(a, Arith.UNM.event);
        if (handler != null) {
            return first(callMetamethod(handler, Arith.UNM.event, new Object[] {a, a}));
        }
        throw new OperandError(0, "perform arithmetic on", a);
    }

    /** Numbers as they are; strings that read as numbers converted (Lua 5.1 2.2.1); otherwise null. */
    public static Double toNumber(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof LuaString s) {
            return NumberCoercion.parse(s);
        }
        return null;
    }

    // ---- comparison

    private static final LuaString EQ = LuaString.of("__eq");
    private static final LuaString LT = LuaString.of("__lt");
    private static final LuaString LE = LuaString.of("__le");
    private static final LuaString CONCAT = LuaString.of("__concat");
    private static final LuaString LEN = LuaString.of("__len");
    /** The {@code __index} event's key, which a trace recorder also reads metatables with. */
    public static final LuaString INDEX = LuaString.of("__index");
    private static final LuaString NEWINDEX = LuaString.of("__newindex");
    private static final LuaString CALL = LuaString.of("__call");

    public boolean equal(Object a, Object b) {
        if (a == b) {
            // A cdata equals itself through its metatype's __eq too, as LuaJIT calls it.
            return !isCdata(a) || cdataEqual(a, b);
        }
        if (a == null || b == null) {
            return isCdata(a) || isCdata(b) ? cdataEqual(a, b) : false;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof LuaString x && b instanceof LuaString y) {
            return x.equals(y);
        }
        if (isCdata(a) || isCdata(b)) {
            return cdataEqual(a, b);
        }
        if (a.getClass() != b.getClass() || !(a instanceof LuaTable || a instanceof LuaObject)) {
            return false;
        }
        Object mm1 = metamethod(a, EQ);
        if (mm1 == null) {
            return false;
        }
        Object mm2 = metamethod(b, EQ);
        if (mm1 != mm2 && !mm1.equals(mm2)) {
            return false;
        }
        return !LuaType.isFalsy(first(callMetamethod(mm1, EQ, new Object[] {a, b})));
    }

    private static boolean isCdata(Object v) {
        return v instanceof LuaObject o && o.luaType() == LuaType.CDATA;
    }

    /** LuaJIT compares cdata with numbers and other cdata by value, through the cdata's own {@code __eq}. */
    private boolean cdataEqual(Object a, Object b) {
        Object mm = isCdata(a) ? metamethod(a, EQ) : metamethod(b, EQ);
        return mm != null && !LuaType.isFalsy(first(callMetamethod(mm, EQ, new Object[] {a, b})));
    }

    public boolean lessThan(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x < y;
        }
        if (a instanceof LuaString x && b instanceof LuaString y) {
            return x.compareTo(y) < 0;
        }
        Object result = orderMetamethod(a, b, LT);
        if (result == NO_HANDLER) {
            throw compareError(a, b);
        }
        return !LuaType.isFalsy(result);
    }

    public boolean lessEqual(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x <= y;
        }
        if (a instanceof LuaString x && b instanceof LuaString y) {
            return x.compareTo(y) <= 0;
        }
        Object result = orderMetamethod(a, b, LE);
        if (result != NO_HANDLER) {
            return !LuaType.isFalsy(result);
        }
        // Without __le, a <= b is not (b < a) (Lua 5.1 2.8, "le" event).
        result = orderMetamethod(b, a, LT);
        if (result == NO_HANDLER) {
            throw compareError(a, b);
        }
        return LuaType.isFalsy(result);
    }

    private static final Object NO_HANDLER = new Object();

    /** Calls the order metamethod both operands share (or a cdata's), or returns NO_HANDLER. */
    private Object orderMetamethod(Object a, Object b, LuaString event) {
        Object mm1 = metamethod(a, event);
        Object mm2 = metamethod(b, event);
        Object handler;
        if (isCdata(a) || isCdata(b)) {
            handler = mm1 != null ? mm1 : mm2;
        } else if (LuaType.of(a) != LuaType.of(b) || mm1 == null || !(mm1 == mm2 || mm1.equals(mm2))) {
            return NO_HANDLER;
        } else {
            handler = mm1;
        }
        if (handler == null) {
            return NO_HANDLER;
        }
        return first(callMetamethod(handler, event, new Object[] {a, b}));
    }

    private static LuaError compareError(Object a, Object b) {
        String ta = LuaType.of(a).luaName();
        String tb = LuaType.of(b).luaName();
        return new LuaError(ta.equals(tb) ? "attempt to compare two " + ta + " values" : "attempt to compare " + ta + " with " + tb);
    }

    /**
     * Whether a numeric for loop with this step counts up: LuaJIT tests the step's sign bit, so
     * a zero step counts up (for i = 1, 2, 0 runs forever) and -0 down; NaN counts down (the
     * NaN x86 makes for 0/0 is negative, where Java's is positive, so NaN is not left to its bit).
     */
    public static boolean stepsUp(double step) {
        return step > 0 || Double.doubleToRawLongBits(step) == 0L;
    }

    // ---- concatenation and length

    /** {@code values[from] .. ... .. values[to]}, right to left as Lua does, with __concat where needed. */
    public Object concat(Object[] values, int from, int to) {
        Object right = values[to];
        for (int i = to - 1; i >= from; i--) {
            Object left = values[i];
            if (isConcatOperand(left) && isConcatOperand(right)) {
                // Gather the longest run of strings and numbers to the left into one buffer.
                int start = i;
                while (start - 1 >= from && isConcatOperand(values[start - 1])) {
                    start--;
                }
                right = join(values, start, i, concatText(right));
                i = start;
                continue;
            }
            Object handler = metamethod(left, CONCAT);
            if (handler == null) {
                handler = metamethod(right, CONCAT);
            }
            if (handler == null) {
                // LuaJIT blames the left operand unless it is a string or number, a buffer too.
                int bad = isStringOrNumber(left) ? i + 1 : i;
                throw new OperandError(bad, "concatenate", isStringOrNumber(left) ? right : left);
            }
            right = first(callMetamethod(handler, CONCAT, new Object[] {left, right}));
        }
        return right;
    }

    /** The strings, numbers and string buffers {@code values[from..to]} followed by {@code last}, as one string: one array, sized first. */
    private static LuaString join(Object[] values, int from, int to, LuaString last) {
        if (from == to) {
            // The common a .. b: no piece array.
            LuaString first = concatText(values[from]);
            return first.concat(last);
        }
        LuaString[] pieces = new LuaString[to - from + 1];
        long length = last.length();
        for (int k = from; k <= to; k++) {
            pieces[k - from] = concatText(values[k]);
            length += pieces[k - from].length();
        }
        byte[] joined = LuaString.newBytes(LuaString.concatenationLength(length));
        int at = 0;
        for (LuaString piece : pieces) {
            System.arraycopy(piece.bytes(), 0, joined, at, piece.length());
            at += piece.length();
        }
        System.arraycopy(last.bytes(), 0, joined, at, last.length());
        return LuaString.wrap(joined);
    }

    static boolean isStringOrNumber(Object v) {
        return v instanceof LuaString || v instanceof Double;
    }

    /** What {@code ..} joins without {@code __concat}: strings, numbers, and LuaJIT's string buffers ({@code lj_meta_cat}). */
    private static boolean isConcatOperand(Object v) {
        return isStringOrNumber(v) || v instanceof StringLike;
    }

    private static LuaString concatText(Object v) {
        return v instanceof StringLike b ? b.contents() : toLuaString(v);
    }

    /** A string or number as a Lua string ({@code %.14g} for numbers); null for other values. */
    public static LuaString toLuaString(Object v) {
        return switch (v) {
            case LuaString s -> s;
            case Double d -> NumberCoercion.toLuaString(d);
            default -> null;
        };
    }

    public Object length(Object v) {
        if (v instanceof LuaString s) {
            return (double) s.length();
        }
        if (v instanceof LuaTable t) {
            return (double) t.length();
        }
        Object handler = metamethod(v, LEN);
        if (handler != null) {
            return first(callMetamethod(handler, LEN, new Object[] {v}));
        }
        throw new OperandError(0, "get length of", v);
    }

    // ---- indexing

    /** {@code object[key]} with {@code __index} chains. */
    public Object index(Object object, Object key) {
        if (object instanceof dev.isthmus.lua.runtime.LuaIndexable indexable) {
            return indexable.index(key);
        }
        Object o = object;
        for (int loop = 0; loop < MAX_INDEX_CHAIN; loop++) {
            Object handler;
            if (o instanceof LuaTable t) {
                Object v = t.get(key);
                if (v != null) {
                    return v;
                }
                LuaTable mt = t.metatable();
                if (mt == null || (handler = mt.get(INDEX)) == null) {
                    return null;
                }
            } else {
                handler = metamethod(o, INDEX);
                if (handler == null) {
                    if (o == object) {
                        throw new OperandError(0, "index", o);
                    }
                    throw new LuaError("attempt to index a " + LuaType.of(o).luaName() + " value");
                }
            }
            if (handler instanceof LuaFunction f) {
                return first(callMetamethod(f, INDEX, new Object[] {o, key}));
            }
            o = handler;
        }
        throw new LuaError("loop in gettable");
    }

    /** {@code object[key] = value} with {@code __newindex} chains. */
    public void setIndex(Object object, Object key, Object value) {
        if (object instanceof dev.isthmus.lua.runtime.LuaIndexable indexable) {
            indexable.setIndex(key, value);
            return;
        }
        Object o = object;
        for (int loop = 0; loop < MAX_INDEX_CHAIN; loop++) {
            Object handler;
            if (o instanceof LuaTable t) {
                LuaTable mt = t.metatable();
                if (mt == null || t.get(key) != null || (handler = mt.get(NEWINDEX)) == null) {
                    rawSet(t, key, value);
                    return;
                }
            } else {
                handler = metamethod(o, NEWINDEX);
                if (handler == null) {
                    if (o == object) {
                        throw new OperandError(0, "index", o);
                    }
                    throw new LuaError("attempt to index a " + LuaType.of(o).luaName() + " value");
                }
            }
            if (handler instanceof LuaFunction f) {
                callMetamethod(f, NEWINDEX, new Object[] {o, key, value});
                return;
            }
            o = handler;
        }
        throw new LuaError("loop in settable");
    }

    /** A raw table store with Lua's key checks. */
    public static void rawSet(LuaTable t, Object key, Object value) {
        checkStoreKey(key);
        t.put(key, value);
    }

    /** Raises Lua's error for a key no table may be stored at: nil or NaN. */
    static void checkStoreKey(Object key) {
        if (key == null) {
            throw new LuaError("table index is nil");
        }
        if (key instanceof Double d && d.isNaN()) {
            throw new LuaError("table index is NaN");
        }
    }

    // ---- calls

    /**
     * Calls a metamethod handler, telling the frame it enters which event it runs for
     * ({@code debug.getinfo}'s "metamethod" names); any callable handler is called as
     * {@link #call} would.
     */
    private Object[] callMetamethod(Object handler, LuaString event, Object[] arguments) {
        if (!(handler instanceof LuaClosure)) {
            return call(handler, arguments);
        }
        CallStack frames = runtime.callStack();
        frames.pendingMetamethodEvent = event;
        try {
            return call(handler, arguments);
        } finally {
            frames.pendingMetamethodEvent = null;
        }
    }

    /** Calls any value: functions directly, others through {@code __call} with the value prepended. */
    public Object[] call(Object f, Object[] arguments) {
        if (f instanceof LuaFunction fn) {
            return fn.call(arguments);
        }
        if (f instanceof dev.isthmus.lua.runtime.LuaCallable c) {
            return c.call(arguments);
        }
        Object handler = metamethod(f, CALL);
        if (handler instanceof LuaFunction fn) {
            Object[] withSelf = new Object[arguments.length + 1];
            withSelf[0] = f;
            System.arraycopy(arguments, 0, withSelf, 1, arguments.length);
            return callMetamethod(fn, CALL, withSelf);
        }
        throw new OperandError(-1, "call", f);
    }

    public static Object first(Object[] results) {
        return results.length == 0 ? null : results[0];
    }

    /**
     * An operation failed on an operand: the interpreter completes the message with the
     * operand's source name when it knows it. {@code operand} is 0 or 1 for the first or
     * second operand (or a concat position), -1 for the called value.
     */
    public static final class OperandError extends LuaError {
        final int operand;
        final String action;
        final Object value;

        OperandError(int operand, String action, Object value) {
            super("attempt to " + action + " a " + LuaType.of(value).luaName() + " value");
            this.operand = operand;
            this.action = action;
            this.value = value;
        }
    }
}
