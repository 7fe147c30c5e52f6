package dev.isthmus.lua.runtime;

/**
 * Checked access to a library function's arguments, raising Lua's messages:
 * {@code bad argument #1 to 'insert' (table expected, got nil)}.
 */
public final class Arguments {
    private final String function;
    private final Object[] values;

    public Arguments(String function, Object[] values) {
        this.function = function;
        this.values = values;
    }

    public int count() {
        return values.length;
    }

    public Object get(int index) {
        return index < values.length ? values[index] : null;
    }

    public boolean isPresent(int index) {
        return index < values.length;
    }

    /** Any value, which must be present (nil counts). */
    public Object checkAny(int index) {
        if (index >= values.length) {
            throw bad(index, "value expected");
        }
        return values[index];
    }

    public LuaTable checkTable(int index) {
        if (get(index) instanceof LuaTable t) {
            return t;
        }
        throw typeError(index, "table");
    }

    public LuaFunction checkFunction(int index) {
        if (get(index) instanceof LuaFunction f) {
            return f;
        }
        throw typeError(index, "function");
    }

    public double checkNumber(int index) {
        Object v = get(index);
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof LuaString s) {
            Double d = NumberCoercion.parse(s);
            if (d != null) {
                return d;
            }
        }
        throw typeError(index, "number");
    }

    public double optNumber(int index, double fallback) {
        return get(index) == null ? fallback : checkNumber(index);
    }

    /** An integer argument: a number truncated toward zero, as {@code luaL_checkint} does. */
    public long checkInteger(int index) {
        return (long) checkNumber(index);
    }

    /**
     * A 32-bit integer argument as LuaJIT's {@code lj_lib_checkint} makes it: the number truncated
     * toward zero, and -2^31 for NaN and for every number outside the int32 range (the x86
     * conversion's "integer indefinite" value), so {@code string.rep("x", 2^31)} is empty.
     */
    public int checkInt(int index) {
        return toInt32(checkNumber(index));
    }

    /** {@link #checkInt}'s conversion of a number. */
    public static int toInt32(double d) {
        return d > -2147483649.0 && d < 2147483648.0 ? (int) d : Integer.MIN_VALUE;
    }

    /**
     * An int argument as the Lua C API's {@code luaL_checkint} makes it (LuaJIT's debug
     * functions, {@code string.gsub}'s count, {@code %c}): the number truncated to 64 bits, whose
     * low 32 bits are kept; NaN and numbers outside the 64-bit range give 0 (x86's
     * "integer indefinite" 2^63, whose low bits are zero).
     */
    public int checkIntViaInteger(int index) {
        double d = checkNumber(index);
        return d >= -9.223372036854775808E18 && d < 9.223372036854775807E18 ? (int) (long) d : 0;
    }

    public int optInt(int index, int fallback) {
        return get(index) == null ? fallback : checkInt(index);
    }

    /** A string argument; numbers are converted as Lua converts them. */
    public LuaString checkString(int index) {
        Object v = get(index);
        if (v instanceof LuaString s) {
            return s;
        }
        if (v instanceof Double d) {
            return NumberCoercion.toLuaString(d);
        }
        throw typeError(index, "string");
    }

    public LuaString optString(int index, LuaString fallback) {
        return get(index) == null ? fallback : checkString(index);
    }

    /**
     * A string argument that must be one of {@code options} (C's {@code luaL_checkoption}):
     * {@code fallback} when absent (null: required), else "invalid option 'x'".
     */
    public String checkOption(int index, String fallback, String... options) {
        String option = fallback != null && get(index) == null ? fallback : checkString(index).toLatin1();
        for (String o : options) {
            if (o.equals(option)) {
                return o;
            }
        }
        throw bad(index, "invalid option '" + option + "'");
    }

    public LuaError typeError(int index, String expected) {
        return bad(index, expected + " expected, got " + (index < values.length ? LuaType.of(values[index]).luaName() : "no value"));
    }

    public LuaError bad(int index, String message) {
        return new LuaArgumentError(index + 1, function, message);
    }
}
