package dev.isthmus.lua.jit;

import dev.isthmus.jit.CScalar;
import dev.isthmus.lua.ffi.Cdata;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.runtime.Coroutine;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The constants of the IR text ({@code aux}, {@code aux2}): {@code nil}, {@code true},
 * {@code false}, numbers ({@code 1.5}, {@code -0.0}, {@code nan}, {@code inf}, {@code -inf}),
 * integers ({@code #3}: registers, pcs, ordinals, int constants), longs ({@code 8L}), Lua strings
 * ({@code "abc"}, bytes escaped as {@code \xNN}), Java strings ({@code java"sqrt"}), a
 * {@link Compare} or {@link CScalar} by its name, a Lua value class by its simple name
 * ({@code LuaTable}), int and long arrays ({@code {2,0}}, {@code {8L,4L}}). Anything else is
 * an object named by the {@link IrSymbols}.
 */
final class IrConstants {
    /** The classes a guard checks that have a literal name: the classes of Lua values. */
    private static final List<Class<?>> VALUE_CLASSES = List.of(Double.class, Boolean.class, LuaString.class, LuaTable.class,
            LuaClosure.class, JavaFunction.class, Coroutine.class, Cdata.Memory.class, Cdata.Int64.class, Cdata.Pointer.class,
            Cdata.EnumValue.class, Cdata.ComplexValue.class, Cdata.TypeObject.class);
    private static final Pattern DOUBLE = Pattern.compile("-?(\\d+\\.\\d*([eE][-+]?\\d+)?|\\d+[eE][-+]?\\d+|nan|inf)");
    private static final Pattern INTEGER = Pattern.compile("#-?\\d+");
    private static final Pattern LONG = Pattern.compile("-?\\d+L");

    private IrConstants() {
    }

    /** Whether {@code value} is written as a literal (needs no name). */
    static boolean isLiteral(Object value) {
        return value == null || value instanceof Double || value instanceof Integer || value instanceof Long || value instanceof Boolean
                || value instanceof LuaString || value instanceof String || value instanceof Compare || value instanceof CScalar
                || value instanceof int[] || value instanceof long[] || value instanceof Class<?> k && VALUE_CLASSES.contains(k);
    }

    /** Whether {@code token} would be read as a literal (so it cannot be a name). */
    static boolean readsAsLiteral(String token) {
        return literal(token).isPresent();
    }

    static String format(Object value, IrSymbols symbols) {
        return switch (value) {
            case null -> "nil";
            case Double d -> format(d);
            case Integer i -> "#" + i;
            case Long l -> l + "L";
            case Boolean b -> b.toString();
            case LuaString s -> quoted(s.bytes());
            case String s -> "java" + quoted(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case Compare c -> c.name();
            case CScalar c -> c.name();
            case int[] ints -> joined(Arrays.stream(ints).mapToObj(Integer::toString).toList());
            case long[] longs -> joined(Arrays.stream(longs).mapToObj(l -> l + "L").toList());
            case Class<?> k when VALUE_CLASSES.contains(k) -> k.getSimpleName();
            default -> symbols.nameOf(value);
        };
    }

    /**
     * The constant {@code token} denotes (null for nil).
     *
     * @throws IllegalArgumentException when it is neither a literal nor a name the symbols know
     */
    static Object parse(String token, IrSymbols symbols) {
        Optional<Object> literal = literal(token);
        if (literal.isPresent()) {
            return literal.get() == NIL ? null : literal.get();
        }
        Object named = symbols.valueOf(token);
        if (named == null) {
            throw new IllegalArgumentException("unknown name '" + token + "'");
        }
        return named;
    }

    /** Stands for nil inside an Optional. */
    private static final Object NIL = new Object();

    private static Optional<Object> literal(String token) {
        switch (token) {
            case "nil":
                return Optional.of(NIL);
            case "true":
                return Optional.of(Boolean.TRUE);
            case "false":
                return Optional.of(Boolean.FALSE);
            default:
                break;
        }
        if (DOUBLE.matcher(token).matches()) {
            return Optional.of(token.endsWith("nan") ? Double.NaN
                    : token.endsWith("inf") ? (token.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                    : Double.parseDouble(token));
        }
        if (INTEGER.matcher(token).matches()) {
            return Optional.of(Integer.parseInt(token.substring(1)));
        }
        if (LONG.matcher(token).matches()) {
            return Optional.of(Long.parseLong(token.substring(0, token.length() - 1)));
        }
        if (token.startsWith("\"")) {
            return Optional.of(LuaString.wrap(unquoted(token, 0)));
        }
        if (token.startsWith("java\"")) {
            return Optional.of(new String(unquoted(token, 4), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (token.startsWith("{") && token.endsWith("}")) {
            return array(token.substring(1, token.length() - 1));
        }
        for (Compare c : Compare.values()) {
            if (c.name().equals(token)) {
                return Optional.of(c);
            }
        }
        for (CScalar c : CScalar.values()) {
            if (c.name().equals(token)) {
                return Optional.of(c);
            }
        }
        return VALUE_CLASSES.stream().filter(k -> k.getSimpleName().equals(token)).findFirst().map(k -> k);
    }

    private static String format(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.toString(d);
    }

    private static String joined(List<String> items) {
        return "{" + String.join(",", items) + "}";
    }

    private static Optional<Object> array(String body) {
        String[] items = body.isEmpty() ? new String[0] : body.split(",", -1);
        boolean longs = items.length > 0 && Arrays.stream(items).allMatch(s -> LONG.matcher(s).matches());
        try {
            if (longs) {
                return Optional.of(Arrays.stream(items).mapToLong(s -> Long.parseLong(s.substring(0, s.length() - 1))).toArray());
            }
            return Optional.of(Arrays.stream(items).mapToInt(Integer::parseInt).toArray());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Bytes in double quotes: printable ASCII as itself, a quote and a backslash escaped, the rest as {@code \xNN}. */
    private static String quoted(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.append('"').toString();
    }

    /** The bytes of a quoted token whose opening quote is at {@code start} (the scanner found its closing quote). */
    private static byte[] unquoted(String token, int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = start + 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c == '\\' && i + 1 < token.length() - 1 && token.charAt(i + 1) == 'x' && i + 3 < token.length() - 1) {
                out.write(Integer.parseInt(token.substring(i + 2, i + 4), 16));  // the scanner checked the digits
                i += 3;
            } else if (c == '\\' && i + 1 < token.length() - 1) {
                out.write(token.charAt(++i));
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
