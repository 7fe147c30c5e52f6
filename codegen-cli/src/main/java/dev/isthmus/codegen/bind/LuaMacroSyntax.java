package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.type.Primitive;

import java.util.Locale;
import java.util.Set;

/**
 * Macro expressions in LuaJIT's Lua ({@link MacroSyntax}), for the functions of a
 * {@code --lang lua} module. A Lua number is a {@code double}, so an integer is computed as
 * an {@code int64_t} cdata, whose arithmetic LuaJIT's ffi does as C does in 64 bits
 * (wrapping, division truncating); the {@code bit} library's operations take and give such
 * cdata; a narrower type is an {@code ffi.cast} to its C type and back, or a mask; unsigned
 * 64-bit division, remainder and comparison go through {@code uint64_t}. A floating value is
 * a Lua number, converted from an integer with {@code tonumber}, and a {@code float} result
 * is rounded to {@code float} ({@code f32}), as C rounds each operation (a {@code float}
 * operation done in {@code double} and rounded once gives C's result). A function returns
 * an integer as a Lua number when the number holds it exactly, else as the cdata.
 * {@link #HELPERS} defines {@code i64}, {@code u64}, {@code f32} and {@code value}.
 */
final class LuaMacroSyntax implements MacroSyntax {
    static final LuaMacroSyntax INSTANCE = new LuaMacroSyntax();

    /** The module's definitions the functions' expressions use, written once before them. */
    static final String HELPERS = """

            -- C's arithmetic for the macros below: an integer is an int64_t cdata as it is computed,
            -- a float is rounded as C rounds it, and an integer result is a Lua number when exact.
            local i64, u64 = ffi.typeof("int64_t"), ffi.typeof("uint64_t")
            local function f32(x)
              return tonumber(ffi.cast("float", x))
            end
            local function value(x)
              local n = tonumber(x)
              if n > -9007199254740992 and n < 9007199254740992 then
                return n
              end
              return x
            end
            """;

    /** Names a parameter must not take: the helpers' and the module's, and the globals the expressions call. */
    private static final Set<String> TAKEN = Set.of("i64", "u64", "f32", "value", "ffi", "bit", "tonumber", "math", "M", "lib");

    private LuaMacroSyntax() {
    }

    /** A macro parameter's name in Lua: itself when it is a free Lua identifier, else changed. */
    static String parameterName(String name) {
        String lua = LuaText.identifierOr(name);
        return TAKEN.contains(lua) ? "_" + lua : lua;
    }

    @Override
    public String integer(long bits, Primitive type, boolean hex) {
        if (bits == Long.MIN_VALUE) {
            return "(-0x7fffffffffffffffLL - 1)";
        }
        return bits < 0 ? "(" + bits + "LL)" : (hex ? "0x" + Long.toHexString(bits) : Long.toString(bits)) + "LL";
    }

    @Override
    public String floating(double value, MacroExpression.Kind kind) {
        double exact = kind == MacroExpression.Kind.FLOAT ? (float) value : value;
        return Double.isInfinite(exact) ? "math.huge" : Double.toString(exact);
    }

    @Override
    public String parameter(String name, MacroExpression.Kind kind) {
        String lua = parameterName(name);
        return kind.isFloating() ? "tonumber(" + lua + ")" : "i64(" + lua + ")";
    }

    @Override
    public String compare(String operator, String x, String y, boolean unsigned64) {
        String lua = operator.equals("!=") ? "~=" : operator;
        return unsigned64 ? "u64(" + x + ") " + lua + " u64(" + y + ")" : x + " " + lua + " " + y;
    }

    @Override
    public String isZero(String x) {
        return x + " == 0";
    }

    @Override
    public String logical(String operator, String x, String y) {
        return "(" + x + " ~= 0 " + (operator.equals("&&") ? "and" : "or") + " " + y + " ~= 0)";
    }

    @Override
    public String truth(String condition) {
        return "(" + condition + " and 1LL or 0LL)";
    }

    @Override
    public String choice(String test, String then, String otherwise) {
        // Neither operand is ever false or nil (numbers and cdata are true), so and/or chooses as ?: does.
        return "(" + test + " ~= 0 and " + then + " or " + otherwise + ")";
    }

    @Override
    public String integerArithmetic(String operator, String x, String y) {
        return "(" + x + " " + operator + " " + y + ")";
    }

    @Override
    public String unsignedDivision(String operator, String x, String y) {
        return "i64(u64(" + x + ") " + operator + " u64(" + y + "))";
    }

    @Override
    public String bitwise(String operator, String x, String y) {
        String function = switch (operator) {
            case "&" -> "bit.band";
            case "|" -> "bit.bor";
            default -> "bit.bxor";
        };
        return function + "(" + x + ", " + y + ")";
    }

    @Override
    public String shift(String operator, String x, String count, boolean arithmetic) {
        String function = operator.equals("<<") ? "bit.lshift" : arithmetic ? "bit.arshift" : "bit.rshift";
        return function + "(" + x + ", tonumber(" + count + "))";
    }

    @Override
    public String negate(String x) {
        return "(-" + x + ")";
    }

    @Override
    public String plus(String x) {
        return x;
    }

    @Override
    public String complement(String x) {
        return "bit.bnot(" + x + ")";
    }

    @Override
    public String floatingArithmetic(String operator, String x, String y, MacroExpression.Kind kind) {
        String lua = "(" + x + " " + operator + " " + y + ")";
        return kind == MacroExpression.Kind.FLOAT ? "f32" + lua : lua;
    }

    @Override
    public String narrowed(String x, int width, boolean unsigned) {
        if (unsigned) {
            return "bit.band(" + x + ", 0x" + Long.toHexString((1L << width) - 1).toUpperCase(Locale.ROOT) + "LL)";
        }
        return "i64(ffi.cast(\"int" + width + "_t\", " + x + "))";
    }

    @Override
    public String bool(String x) {
        return "(" + x + " ~= 0 and 1LL or 0LL)";
    }

    @Override
    public String floatingToInteger(String x, boolean unsigned64) {
        // LuaJIT converts a number to an integer type as C does: truncated toward zero.
        return unsigned64 ? "i64(u64(" + x + "))" : "i64(" + x + ")";
    }

    @Override
    public String integerToFloating(String x, boolean unsigned64, MacroExpression.Kind kind) {
        String integer = unsigned64 ? "u64(" + x + ")" : x;
        return (kind == MacroExpression.Kind.FLOAT ? "f32(" : "tonumber(") + integer + ")";
    }

    @Override
    public String floatingCast(String x, MacroExpression.Kind kind) {
        return kind == MacroExpression.Kind.FLOAT ? "f32(" + x + ")" : x;
    }

    @Override
    public String member(String record, String parameter, String member, String reader, MacroExpression.Kind kind, boolean unsigned) {
        // LuaJIT reads a member of a struct, or of the struct a pointer points to, by name: a number,
        // a boolean for a _Bool, or a 64-bit integer cdata.
        String key = LuaText.key(member);
        String read = parameterName(parameter) + (key.startsWith("[") ? key : "." + member);
        if (kind.isFloating()) {
            return read;
        }
        return "i64(" + (reader.equals("bool") ? "(" + read + " and 1 or 0)" : read) + ")";
    }

    @Override
    public String result(String x, MacroExpression.Kind kind, Primitive type, boolean unsigned64) {
        if (kind.isFloating()) {
            return x;
        }
        return "value(" + (unsigned64 ? "u64(" + x + ")" : x) + ")";
    }
}
