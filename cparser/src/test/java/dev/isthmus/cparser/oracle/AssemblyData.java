package dev.isthmus.cparser.oracle;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the initialised data of labels named {@code isthmus_*} out of GCC or clang
 * assembly: the bytes that {@code .byte}, {@code .short}/{@code .value}/{@code .2byte},
 * {@code .long}/{@code .4byte}, {@code .quad}/{@code .8byte}/{@code .xword},
 * {@code .zero}/{@code .space} and {@code .ascii}/{@code .asciz}/{@code .string} lay down,
 * little-endian.
 */
final class AssemblyData {
    private static final Pattern LABEL = Pattern.compile("^\"?([A-Za-z_.$][\\w.$]*)\"?:");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s+\\.(\\w+)\\s*(.*)$");

    private AssemblyData() {
    }

    static Map<String, byte[]> parse(String assembly) {
        Map<String, byte[]> result = new HashMap<>();
        String current = null;
        ByteArrayOutputStream bytes = null;
        for (String line : assembly.split("\n")) {
            Matcher label = LABEL.matcher(line);
            if (label.find()) {
                if (current != null) {
                    result.put(current, bytes.toByteArray());
                }
                current = label.group(1).startsWith("isthmus_") ? label.group(1) : null;
                bytes = new ByteArrayOutputStream();
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher d = DIRECTIVE.matcher(line);
            if (!d.matches()) {
                continue;
            }
            String argument = d.group(2).replaceAll("\\s*[#@/].*$", "").strip();
            switch (d.group(1)) {
                case "byte" -> emit(bytes, argument, 1);
                case "short", "value", "2byte", "hword", "half" -> emit(bytes, argument, 2);
                case "long", "4byte", "word", "int" -> emit(bytes, argument, 4);
                case "quad", "8byte", "xword", "dword" -> emit(bytes, argument, 8);
                case "zero", "space", "skip" -> {
                    long n = integer(argument.split(",")[0]);
                    for (long i = 0; i < n; i++) {
                        bytes.write(0);
                    }
                }
                case "ascii", "asciz", "string" -> ascii(bytes, argument, !d.group(1).equals("ascii"));
                case "size", "type", "globl", "p2align", "align", "section", "data", "bss", "text", "file",
                     "ident", "addrsig", "local", "comm", "def", "scl", "endef", "balign" -> {
                    // Layout of the assembly, not data.
                }
                default -> {
                }
            }
        }
        if (current != null) {
            result.put(current, bytes.toByteArray());
        }
        return result;
    }

    private static void emit(ByteArrayOutputStream out, String argument, int width) {
        for (String item : argument.split(",")) {
            long v = integer(item);
            for (int i = 0; i < width; i++) {
                out.write((int) (v >> (8 * i)) & 0xFF);
            }
        }
    }

    /**
     * An assembler integer, decimal, {@code 0x} hexadecimal or octal, as its low 64 bits: a
     * value's bits may be written unsigned ({@code .quad 0xbfb1eb851eb851eb}, a negative
     * double), beyond what {@link Long#decode} takes.
     */
    private static long integer(String text) {
        String digits = text.strip();
        boolean negative = digits.startsWith("-");
        if (negative || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        java.math.BigInteger value = digits.startsWith("0x") || digits.startsWith("0X") ? new java.math.BigInteger(digits.substring(2), 16)
                : digits.length() > 1 && digits.startsWith("0") ? new java.math.BigInteger(digits.substring(1), 8)
                : new java.math.BigInteger(digits);
        return (negative ? value.negate() : value).longValue();
    }

    private static void ascii(ByteArrayOutputStream out, String argument, boolean terminated) {
        String body = argument.substring(argument.indexOf('"') + 1, argument.lastIndexOf('"'));
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = body.charAt(++i);
            if (e >= '0' && e <= '7') {
                int start = i;
                while (i < body.length() && i < start + 3 && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                    i++;
                }
                out.write(Integer.parseInt(body.substring(start, i), 8));
                i--;
            } else {
                out.write(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> e;
                });
            }
        }
        if (terminated) {
            out.write(0);
        }
    }
}
