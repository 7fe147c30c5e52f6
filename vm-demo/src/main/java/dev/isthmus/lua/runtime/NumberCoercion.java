package dev.isthmus.lua.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers to and from Lua strings, as {@code tostring} and string coercion see them. */
public final class NumberCoercion {
    private NumberCoercion() {
    }

    /** {@code %.14g}, with LuaJIT's spellings of infinities and NaN. */
    public static LuaString toLuaString(double d) {
        int i = (int) d;
        if (i == d && (i != 0 || 1 / d > 0)) {
            return LuaString.of(Integer.toString(i));
        }
        return LuaString.of(formatG14(d));
    }

    static String formatG14(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d > 0 ? "0" : "-0";
        }
        // The shortest decimal that reads back as d (Double.toString) is, when it has at most 14
        // digits, also d rounded to 14 digits: d lies within half an ulp of it, far closer than
        // half a step of the 14-digit grid. Not so for subnormals, whose ulp is as coarse as
        // their value. Only those and longer decimals need the exact expansion of d.
        BigDecimal shortest = Math.abs(d) >= Double.MIN_NORMAL ? new BigDecimal(Double.toString(d)) : null;
        BigDecimal rounded = shortest != null && shortest.precision() <= 14 ? shortest
                : new BigDecimal(d).round(new MathContext(14, RoundingMode.HALF_UP));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 14) {
            String digits = rounded.unscaledValue().abs().toString().replaceFirst("0+$", "");
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
            return (d < 0 ? "-" : "") + mantissa + "e" + exp;
        }
        String plain = rounded.stripTrailingZeros().toPlainString();
        return plain;
    }

    /** A string read as a number the way Lua's coercion reads it, or null. */
    public static Double parse(LuaString s) {
        String text = s.toLatin1().strip();
        if (text.isEmpty()) {
            return null;
        }
        boolean negative = false;
        String body = text;
        if (body.startsWith("-") || body.startsWith("+")) {
            negative = body.startsWith("-");
            body = body.substring(1);
        }
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        Double v;
        if (lower.startsWith("0x")) {
            String hex = lower.substring(2);
            v = hex.matches("[0-9a-f]+(\\.[0-9a-f]*)?(p[+-]?[0-9]+)?|\\.[0-9a-f]+(p[+-]?[0-9]+)?")
                    ? Double.parseDouble("0x" + hex + (hex.contains("p") ? "" : "p0")) : null;
        } else if (lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
            v = Double.parseDouble(lower);
        } else if (lower.equals("inf") || lower.equals("infinity")) {
            // LuaJIT's number scanner (lj_strscan) accepts these, in any case, with a sign.
            v = Double.POSITIVE_INFINITY;
        } else if (lower.equals("nan")) {
            v = Double.NaN;
        } else {
            v = null;
        }
        return v == null ? null : negative ? -v : v;
    }
}
