package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.abi.IntegerArithmetic;
import dev.isthmus.cparser.type.Primitive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The values and types of C literals: integer constants typed by suffix and magnitude
 * (C11 6.4.4.1p5), floating constants, character constants (GCC's value for multi-character
 * constants) and string literals with their escapes. A literal that cannot be represented
 * throws {@link IllegalArgumentException} with a sentence for the diagnostic.
 */
final class Literals {
    private Literals() {
    }

    static ConstantEvaluator.Value integer(String text, Abi abi) {
        String lower = text.replace("'", "").toLowerCase(Locale.ROOT);
        int end = lower.length();
        while (end > 0 && "uli".indexOf(lower.charAt(end - 1)) >= 0 && !(lower.startsWith("0x") && isHexDigit(lower.charAt(end - 1)))) {
            end--;
        }
        String suffix = lower.substring(end);
        String digits = lower.substring(0, end);
        if (suffix.contains("i") || suffix.contains("j")) {
            throw new IllegalArgumentException("imaginary constants are not supported in constant expressions");
        }
        int radix = 10;
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        long bits;
        try {
            bits = Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("integer constant '" + text + "' is too large");
        }
        boolean isUnsigned = suffix.contains("u");
        int longs = suffix.contains("ll") ? 2 : suffix.contains("l") ? 1 : 0;
        Primitive type = new IntegerArithmetic(abi).constantType(bits, longs, isUnsigned, radix == 10);
        if (type == null) {
            throw new IllegalArgumentException("integer constant '" + text + "' is too large for its type");
        }
        return ConstantEvaluator.Value.ofInteger(bits, type);
    }

    private static boolean isHexDigit(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static final java.util.regex.Pattern FLOATING = java.util.regex.Pattern.compile(
            "(0x[0-9a-f.]+p[+-]?[0-9]+|[0-9.]+(?:e[+-]?[0-9]+)?)(f16|f32x|f32|f64x|f64|f128|f|l)?");

    static ConstantEvaluator.Value floating(String text) {
        java.util.regex.Matcher m = FLOATING.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("floating constant '" + text + "' is not supported in constant expressions");
        }
        Primitive type = m.group(2) == null ? Primitive.DOUBLE : switch (m.group(2)) {
            case "f", "f32" -> Primitive.FLOAT;
            case "f16" -> Primitive.FLOAT16;
            case "f64", "f32x" -> Primitive.DOUBLE;
            case "l", "f64x" -> Primitive.LONG_DOUBLE;
            default -> Primitive.FLOAT128;
        };
        // A float constant is rounded once, from its digits, not through a double first.
        double value = type == Primitive.FLOAT ? Float.parseFloat(m.group(1)) : Double.parseDouble(m.group(1));
        return ConstantEvaluator.Value.ofFloating(value, type);
    }

    /** A character constant's value and type: {@code int} for plain ones (C11 6.4.4.4p10). */
    static ConstantEvaluator.Value character(String text, Abi abi) {
        int quote = text.indexOf('\'');
        String prefix = text.substring(0, quote);
        byte[] bytes = unescape(text.substring(quote + 1, text.length() - 1), !prefix.isEmpty());
        if (!prefix.isEmpty()) {
            Primitive type = switch (prefix) {
                case "L" -> abi.wideCharType();
                case "u" -> Primitive.UNSIGNED_SHORT;
                default -> Primitive.UNSIGNED_INT;
            };
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            return ConstantEvaluator.Value.ofInteger(decoded.isEmpty() ? 0 : decoded.codePointAt(0), type);
        }
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        if (bytes.length == 1 && abi.isCharSigned()) {
            value = bytes[0];
        }
        return ConstantEvaluator.Value.ofInteger((int) value, Primitive.INT);
    }

    /** The bytes of one or more adjacent string literals, escapes decoded, without the NUL. */
    static byte[] string(List<String> literals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String literal : literals) {
            int quote = literal.indexOf('"');
            out.writeBytes(unescape(literal.substring(quote + 1, literal.length() - 1), false));
        }
        return out.toByteArray();
    }

    /** Decodes C escapes (C11 6.4.4.4); characters are taken as UTF-8 bytes. */
    static byte[] unescape(String body, boolean isWide) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'v' -> out.write(11);
                case 'e', 'E' -> out.write(27);
                case 'x' -> {
                    int start = ++i;
                    while (i < body.length() && Character.digit(body.charAt(i), 16) >= 0) {
                        i++;
                    }
                    long v = start == i ? 0 : Long.parseUnsignedLong(body.substring(start, Math.min(i, start + 15)), 16);
                    i--;
                    writeCodePoint(out, v, isWide);
                }
                case 'u', 'U' -> {
                    int length = e == 'u' ? 4 : 8;
                    int end = Math.min(body.length(), i + 1 + length);
                    int v = Integer.parseUnsignedInt(body.substring(i + 1, end), 16);
                    i = end - 1;
                    out.writeBytes(new String(Character.toChars(v)).getBytes(StandardCharsets.UTF_8));
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int start = i;
                        while (i < body.length() && i < start + 3 && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            i++;
                        }
                        int v = Integer.parseInt(body.substring(start, i), 8);
                        i--;
                        writeCodePoint(out, v, isWide);
                    } else {
                        out.write(e);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private static void writeCodePoint(ByteArrayOutputStream out, long value, boolean isWide) {
        if (isWide && value > 0x7F && value <= Character.MAX_CODE_POINT) {
            out.writeBytes(new String(Character.toChars((int) value)).getBytes(StandardCharsets.UTF_8));
        } else {
            out.write((int) value);
        }
    }
}
