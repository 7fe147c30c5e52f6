package dev.isthmus.lua.parse;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Numeric literals of the LuaJIT dialect: decimal and hexadecimal numbers (hexadecimal
 * with an optional fraction and binary exponent), {@code LL}/{@code ULL} suffixed 64-bit
 * integers (which wrap modulo 2^64 as LuaJIT's do) and {@code i} suffixed imaginary numbers.
 */
public final class Literals {
    private Literals() {
    }

    /** The token for {@code text}, or null when it is not a well-formed number. */
    static Token parse(String text, int line) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ull") || lower.endsWith("llu")) {
            return int64(text, lower.substring(0, lower.length() - 3), true, line);
        }
        if (lower.endsWith("ll")) {
            return int64(text, lower.substring(0, lower.length() - 2), false, line);
        }
        if (lower.endsWith("i")) {
            Double v = toDouble(lower.substring(0, lower.length() - 1));
            return v == null ? null : new Token(TokenKind.IMAGINARY, line, text, v, false);
        }
        Double v = toDouble(lower);
        return v == null ? null : new Token(TokenKind.NUMBER, line, text, v, false);
    }

    private static Token int64(String text, String digits, boolean isUnsigned, int line) {
        BigInteger value;
        try {
            if (digits.startsWith("0x")) {
                value = new BigInteger(digits.substring(2), 16);
            } else {
                if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                value = new BigInteger(digits);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return new Token(TokenKind.INT64, line, text, value.longValue(), isUnsigned);
    }

    /** A hexadecimal number ({@code 0x} prefix, lower case) with optional fraction and binary exponent, or null. */
    public static Double hexToDouble(String lower) {
        if (lower.startsWith("0x")) {
            String body = lower.substring(2);
            if (body.isEmpty() || body.equals(".") || !body.matches("[0-9a-f]*\\.?[0-9a-f]*(p[+-]?[0-9]+)?")) {
                return null;
            }
            if (body.startsWith("p") || body.startsWith(".p")) {
                return null;
            }
            return Double.parseDouble("0x" + body + (body.contains("p") ? "" : "p0"));
        }
        return null;
    }

    /** A decimal or hexadecimal number, or null. */
    static Double toDouble(String lower) {
        if (lower.startsWith("0x")) {
            return hexToDouble(lower);
        }
        if (!lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
            return null;
        }
        return Double.parseDouble(lower);
    }
}
