package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.StringLike;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code string.format} as LuaJIT 2.1 prints: C's conversions with flags, width and
 * precision; integers converted from numbers by truncation (out of range gives the x64
 * "integer indefinite"), printed in 64 bits; floating conversions from the exact decimal
 * value of the double, rounded half away from zero (LuaJIT's own formatter, unlike glibc's
 * round-half-even, so {@code %.0f} of 2.5 is 3); {@code %q} with LuaJIT's escapes.
 */
public final class StringFormat {
    private StringFormat() {
    }

    /** One conversion's flags, width and precision (-1 when absent). */
    private record Spec(boolean left, boolean plus, boolean space, boolean alternate, boolean zero, int width, int precision) {
    }

    static LuaString format(LuaRuntime runtime, Object[] args) {
        return format(runtime, args, 0);
    }

    /**
     * The format {@code args[formatIndex]} applied to the arguments after it; bad-argument
     * errors count every argument, so a method's receiver before the format counts too
     * (LuaJIT's {@code buf:putf}).
     */
    public static LuaString format(LuaRuntime runtime, Object[] args, int formatIndex) {
        Arguments a = new Arguments("format", args);
        byte[] fmt = a.checkString(formatIndex).bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int arg = formatIndex + 1;
        for (int i = 0; i < fmt.length; i++) {
            byte c = fmt[i];
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (++i >= fmt.length) {
                throw new LuaError("invalid option '%' to 'format'");
            }
            if (fmt[i] == '%') {
                out.write('%');
                continue;
            }
            int start = i;
            while (i < fmt.length && "-+ #0".indexOf(fmt[i]) >= 0) {
                i++;
            }
            if (i - start > 5) {
                throw new LuaError("invalid format (repeated flags)");
            }
            String flags = new String(fmt, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1);
            int width = -1;
            int digits = 0;
            int widthStart = i;
            while (i < fmt.length && Character.isDigit(fmt[i])) {
                width = (width < 0 ? 0 : width * 10) + fmt[i++] - '0';
                digits++;
            }
            int precision = -1;
            int precisionDigits = 0;
            int precisionStart = -1;
            if (i < fmt.length && fmt[i] == '.') {
                i++;
                precisionStart = i;
                precision = 0;
                while (i < fmt.length && Character.isDigit(fmt[i])) {
                    precision = precision * 10 + fmt[i++] - '0';
                    precisionDigits++;
                }
            }
            if (digits > 2 || precisionDigits > 2) {
                // LuaJIT quotes the option up to the digit that made it too long.
                int end = (digits > 2 ? widthStart : precisionStart) + 3;
                throw new LuaError("invalid option '%" + new String(fmt, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1)
                        + "' to 'format'");
            }
            if (i >= fmt.length) {
                throw new LuaError("invalid option '%" + new String(fmt, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1) + "' to 'format'");
            }
            Spec spec = new Spec(flags.indexOf('-') >= 0, flags.indexOf('+') >= 0, flags.indexOf(' ') >= 0,
                    flags.indexOf('#') >= 0, flags.indexOf('0') >= 0, width, precision);
            char conversion = (char) (fmt[i] & 0xFF);
            int index = arg++;
            if ("diuxXoceEfFgGaAsq".indexOf(conversion) >= 0) {
                // A missing argument is "value expected" whatever the conversion, as in LuaJIT.
                a.checkAny(index);
            }
            switch (conversion) {
                case 'd', 'i' -> pad(out, spec, integer(spec, toInt64(runtime, a, index), false, 10, false), true, true);
                case 'u' -> pad(out, spec, integer(spec, toUint64(runtime, a, index), true, 10, false), true, true);
                case 'x', 'X' -> pad(out, spec, integer(spec, toUint64(runtime, a, index), true, 16, conversion == 'X'), true, true);
                case 'o' -> pad(out, spec, integer(spec, toUint64(runtime, a, index), true, 8, false), true, true);
                case 'c' -> {
                    byte[] one = {(byte) Arguments.toInt32(a.checkNumber(index))};
                    pad(out, spec, one, false);
                }
                case 'e', 'E', 'f', 'F', 'g', 'G' -> pad(out, spec, floating(spec, a.checkNumber(index), conversion), true);
                case 'a', 'A' -> pad(out, spec, hexFloat(spec, a.checkNumber(index), conversion == 'A'), true);
                case 's' -> {
                    // A string buffer formats as its contents (LuaJIT reads it directly, no __tostring).
                    Object v = a.checkAny(index);
                    byte[] s = (v instanceof StringLike b ? b.contents() : ValueText.toLuaString(runtime, v)).bytes();
                    if (spec.precision() >= 0 && spec.precision() < s.length) {
                        s = java.util.Arrays.copyOf(s, spec.precision());
                    }
                    pad(out, spec, s, false);
                }
                case 'q' -> quote(out, a.checkAny(index) instanceof Double d ? dev.isthmus.lua.runtime.NumberCoercion.toLuaString(d)
                        : a.checkString(index));
                default -> throw new LuaError("invalid option '%" + new String(fmt, start, i - start + 1,
                        java.nio.charset.StandardCharsets.ISO_8859_1) + "' to 'format'");
            }
        }
        return LuaString.wrap(out.toByteArray());
    }

    /** An integer argument: a number truncated, or a 64-bit cdata exactly (LuaJIT's %d and %x take those). */
    private static long toInt64(LuaRuntime runtime, Arguments a, int index) {
        if (a.get(index) instanceof dev.isthmus.lua.runtime.LuaObject o && runtime.cdataToLong(o) != null) {
            return runtime.cdataToLong(o);
        }
        double d = a.checkNumber(index);
        if (Double.isNaN(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775808E18) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    /**
     * An unsigned conversion's argument: as {@link #toInt64}, but a number from 2^63 up is
     * first brought down by 2^64, as LuaJIT's {@code lj_num2u64} does, so 2^64 + 4096 is 0x1000.
     */
    private static long toUint64(LuaRuntime runtime, Arguments a, int index) {
        if (a.get(index) instanceof Double d && d >= 9.223372036854775808E18) {
            double wrapped = d - 18446744073709551616.0;
            return Double.isNaN(wrapped) || wrapped >= 9.223372036854775807E18 ? Long.MIN_VALUE : (long) wrapped;
        }
        return toInt64(runtime, a, index);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static byte[] integer(Spec spec, long value, boolean isUnsigned, int radix, boolean upper) {
        boolean negative = !isUnsigned && value < 0;
        String digits = isUnsigned ? Long.toUnsignedString(value, radix) : Long.toString(Math.abs(value), radix);
        if (value == Long.MIN_VALUE && !isUnsigned) {
            digits = "9223372036854775808";
        }
        if (upper) {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        if (spec.precision() >= 0) {
            if (spec.precision() == 0 && value == 0) {
                digits = "";
            }
            while (digits.length() < spec.precision()) {
                digits = "0" + digits;
            }
        }
        String prefix = "";
        if (spec.alternate()) {
            if (radix == 16 && value != 0) {
                prefix = upper ? "0X" : "0x";
            } else if (radix == 8 && !digits.startsWith("0")) {
                prefix = "0";
            }
        }
        boolean signed = radix == 10 && !isUnsigned;
        String sign = negative ? "-" : signed && spec.plus() ? "+" : signed && spec.space() ? " " : "";
        return bytes(sign + prefix + digits);
    }

    /** Pads to the width: left-justified, zero-filled after the sign and prefix, or space-filled on the left. */
    private static void pad(ByteArrayOutputStream out, Spec spec, byte[] body, boolean isNumeric) {
        pad(out, spec, body, isNumeric, false);
    }

    private static void pad(ByteArrayOutputStream out, Spec spec, byte[] body, boolean isNumeric, boolean isInteger) {
        int fill = spec.width() - body.length;
        if (fill <= 0) {
            out.writeBytes(body);
            return;
        }
        if (spec.left()) {
            out.writeBytes(body);
            out.writeBytes(bytes(" ".repeat(fill)));
            return;
        }
        // As in C, a precision on an integer conversion turns the 0 flag off (floating ones keep it).
        boolean zeroAllowed = isNumeric && spec.zero() && !(isInteger && spec.precision() >= 0);
        if (zeroAllowed && !isNonFinite(body)) {
            int signEnd = 0;
            if (body.length > 0 && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) {
                signEnd = 1;
            }
            if (body.length > signEnd + 1 && body[signEnd] == '0' && (body[signEnd + 1] == 'x' || body[signEnd + 1] == 'X')) {
                signEnd += 2;
            }
            out.write(body, 0, signEnd);
            out.writeBytes(bytes("0".repeat(fill)));
            out.write(body, signEnd, body.length - signEnd);
            return;
        }
        out.writeBytes(bytes(" ".repeat(fill)));
        out.writeBytes(body);
    }

    private static boolean isNonFinite(byte[] body) {
        String s = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        return s.contains("inf") || s.contains("nan");
    }

    /** inf and nan for every floating conversion, as LuaJIT writes them: a NaN takes no sign, only the space flag. */
    private static byte[] nonFinite(Spec spec, double d, boolean upper) {
        String prefix = Double.isNaN(d) ? (spec.space() ? " " : "")
                : d < 0 ? "-" : spec.plus() ? "+" : spec.space() ? " " : "";
        String text = Double.isNaN(d) ? "nan" : "inf";
        return bytes(prefix + (upper ? text.toUpperCase(java.util.Locale.ROOT) : text));
    }

    private static byte[] floating(Spec spec, double d, char conversion) {
        boolean upper = Character.isUpperCase(conversion);
        String sign = d < 0 || d == 0 && 1 / d < 0 ? "-" : spec.plus() ? "+" : spec.space() ? " " : "";
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return nonFinite(spec, d, upper);
        }
        int precision = spec.precision() < 0 ? 6 : spec.precision();
        BigDecimal value = new BigDecimal(d).abs();
        String body = switch (Character.toLowerCase(conversion)) {
            case 'f' -> fixed(value, precision, spec.alternate());
            case 'e' -> exponent(value, precision, spec.alternate());
            default -> general(value, precision == 0 ? 1 : precision, spec.alternate());
        };
        return bytes(sign + (upper ? body.toUpperCase(java.util.Locale.ROOT) : body));
    }

    private static String fixed(BigDecimal value, int precision, boolean alternate) {
        String s = value.setScale(precision, RoundingMode.HALF_UP).toPlainString();
        return alternate && precision == 0 ? s + "." : s;
    }

    private static String exponent(BigDecimal value, int precision, boolean alternate) {
        int exp = 0;
        String digits;
        if (value.signum() == 0) {
            digits = "0".repeat(precision + 1);
        } else {
            BigDecimal rounded = value.round(new java.math.MathContext(precision + 1, RoundingMode.HALF_UP));
            exp = rounded.precision() - rounded.scale() - 1;
            digits = rounded.unscaledValue().toString();
            while (digits.length() < precision + 1) {
                digits = digits + "0";
            }
            digits = digits.substring(0, precision + 1);
        }
        String mantissa = digits.substring(0, 1) + (precision > 0 || alternate ? "." : "") + digits.substring(1);
        return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** {@code %g}: {@code %e} when the exponent is below -4 or at least the precision, else {@code %f}; trailing zeros removed unless '#'. */
    private static String general(BigDecimal value, int precision, boolean alternate) {
        int exp;
        if (value.signum() == 0) {
            exp = 0;
        } else {
            BigDecimal rounded = value.round(new java.math.MathContext(precision, RoundingMode.HALF_UP));
            exp = rounded.precision() - rounded.scale() - 1;
        }
        String s;
        if (exp < -4 || exp >= precision) {
            s = exponent(value, precision - 1, alternate);
            if (!alternate) {
                int e = s.indexOf('e');
                s = stripZeros(s.substring(0, e)) + s.substring(e);
            }
        } else {
            s = fixed(value, precision - 1 - exp, alternate);
            if (!alternate) {
                s = stripZeros(s);
            }
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * {@code %a}: C's hexadecimal floating form, {@code 0x1.8p+1}, as LuaJIT writes it:
     * subnormals normalised to a leading 1; without a precision, the fewest digits that are
     * exact; with one, the significand rounded half up, which may carry into a leading 2
     * ({@code %.0a} of the largest double is {@code 0x2p+1023}); {@code #} keeps the point.
     */
    private static byte[] hexFloat(Spec spec, double d, boolean upper) {
        long bits = Double.doubleToRawLongBits(d);
        String sign = bits < 0 ? "-" : spec.plus() ? "+" : spec.space() ? " " : "";
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return nonFinite(spec, d, upper);
        }
        int biasedExponent = (int) (bits >>> 52) & 0x7FF;
        long significand = bits & 0xFFFFFFFFFFFFFL;
        int exponent = 0;
        if (biasedExponent != 0) {
            significand |= 1L << 52;
            exponent = biasedExponent - 1023;
        } else if (significand != 0) {
            int shift = Long.numberOfLeadingZeros(significand) - 11;
            significand <<= shift;
            exponent = -1022 - shift;
        }
        // Now |d| = significand * 2^(exponent - 52), with bit 52 the highest set bit unless d is 0.
        int precision = spec.precision();
        if (precision < 0) {
            precision = (13 - Long.numberOfTrailingZeros(significand | 1L << 52) / 4);
        } else if (precision < 13) {
            significand += 1L << (51 - precision * 4);
        }
        StringBuilder out = new StringBuilder(sign).append("0x").append((char) ('0' + (significand >>> 52)));
        if (precision > 0 || spec.alternate()) {
            out.append('.');
            long fraction = significand & 0xFFFFFFFFFFFFFL;
            for (int digit = 0; digit < precision; digit++) {
                out.append(digit < 13 ? Character.forDigit((int) (fraction >>> (48 - digit * 4)) & 15, 16) : '0');
            }
        }
        out.append('p').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        String text = out.toString();
        return bytes(upper ? text.toUpperCase(java.util.Locale.ROOT) : text);
    }

    /** {@code %q}: a string Lua reads back; control bytes as decimal escapes, three digits before a digit. */
    private static void quote(ByteArrayOutputStream out, LuaString s) {
        byte[] b = s.bytes();
        out.write('"');
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xFF;
            switch (c) {
                case '"', '\\' -> {
                    out.write('\\');
                    out.write(c);
                }
                case '\n' -> {
                    out.write('\\');
                    out.write('\n');
                }
                default -> {
                    if (c < 32 || c == 127) {
                        boolean digitFollows = i + 1 < b.length && b[i + 1] >= '0' && b[i + 1] <= '9';
                        out.writeBytes(bytes(digitFollows ? String.format("\\%03d", c) : "\\" + c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }
}
