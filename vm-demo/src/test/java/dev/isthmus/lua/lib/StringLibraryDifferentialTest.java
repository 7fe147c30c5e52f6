package dev.isthmus.lua.lib;

import dev.isthmus.lua.LuajitOracle;
import dev.isthmus.lua.cli.ScriptRun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lua patterns and {@code string.format} against LuaJIT: thousands of random subjects,
 * patterns and format specifications run through both, every result line compared. The
 * seed is printed; {@code -Disthmus.seed=N} replays a run.
 */
class StringLibraryDifferentialTest {
    private static final String[] PATTERN_ATOMS = {
        "a", "b", ".", "%a", "%d", "%s", "%w", "%p", "%l", "%u", "%x", "%A", "%D", "%S", "[ab]", "[^a]", "[a-c]", "[%d_]",
        "(a)", "(%a+)", "()", "%b()", "%f[%w]", "%1", "^", "$", "x", "%.", "[]]", "[^%s]"};
    private static final String[] QUANTIFIERS = {"", "", "", "*", "+", "-", "?"};
    private static final String SUBJECT_ALPHABET = "aabbc1 2_(x).)A\t-%";

    private static long seed() {
        String s = System.getProperty("isthmus.seed");
        return s != null ? Long.parseLong(s) : System.nanoTime();
    }

    @Test
    void patterns_randomSubjectsAndPatterns_matchLuajit(@TempDir Path dir) throws Exception {
        long seed = seed();
        System.out.println("StringLibraryDifferentialTest patterns seed " + seed);
        Random random = new Random(seed);
        StringBuilder script = new StringBuilder("local function show(...) local t = {...} "
                + "for i = 1, select('#', ...) do t[i] = tostring(t[i]) end return table.concat(t, ',') end\n");
        for (int i = 0; i < 1500; i++) {
            String subject = randomString(random, SUBJECT_ALPHABET, random.nextInt(12));
            StringBuilder pattern = new StringBuilder();
            int atoms = 1 + random.nextInt(4);
            for (int k = 0; k < atoms; k++) {
                String atom = PATTERN_ATOMS[random.nextInt(PATTERN_ATOMS.length)];
                pattern.append(atom);
                boolean takesQuantifier = !atom.startsWith("(") && !atom.equals("^") && !atom.equals("$")
                        && !atom.startsWith("%b") && !atom.startsWith("%f") && !atom.equals("%1");
                if (takesQuantifier) {
                    pattern.append(QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
                }
            }
            String s = luaQuote(subject);
            String p = luaQuote(pattern.toString());
            int init = random.nextInt(7) - 2;
            script.append("print(").append(i).append(", show(pcall(string.find, ").append(s).append(", ").append(p)
                    .append(", ").append(init).append(")))\n");
            script.append("print(").append(i).append(", show(pcall(string.match, ").append(s).append(", ").append(p).append(")))\n");
            script.append("print(").append(i).append(", show(pcall(string.gsub, ").append(s).append(", ").append(p).append(", '<%0>')))\n");
            script.append("print(").append(i).append(", pcall(function() local r = {} for a, b in string.gmatch(").append(s)
                    .append(", ").append(p).append(") do r[#r + 1] = tostring(a) .. '/' .. tostring(b) end return table.concat(r, ' ') end))\n");
        }
        compare(dir, "patterns.lua", script.toString());
    }

    @Test
    void format_randomSpecifications_matchLuajit(@TempDir Path dir) throws Exception {
        long seed = seed();
        System.out.println("StringLibraryDifferentialTest format seed " + seed);
        Random random = new Random(seed);
        String[] conversions = {"d", "i", "x", "X", "o", "e", "E", "f", "g", "G", "s", "c", "q", "u"};
        String[] flags = {"", "", "-", "+", " ", "#", "0", "-0", "+0"};
        double[] interesting = {0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 1e-5, 123456.789, 1e15, 1e16, 1e21, 1.0 / 3,
            2.0 / 3, 100, 255, 65, 9007199254740993.0, 1e-300, 4.9e-324, 12345678901.5, 0.1, 0.05, 99.995};
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            String conversion = conversions[random.nextInt(conversions.length)];
            String spec = "%" + flags[random.nextInt(flags.length)] + (random.nextBoolean() ? String.valueOf(random.nextInt(15)) : "")
                    + (random.nextInt(3) == 0 ? "." + random.nextInt(12) : "") + conversion;
            double value = random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 8);
            String argument = switch (conversion) {
                case "s", "q" -> luaQuote(randomString(random, "ab\n\"\\\0 1\r", random.nextInt(6)));
                case "c" -> String.valueOf(32 + random.nextInt(90));
                default -> luaNumber(value);
            };
            script.append("print(").append(i).append(", pcall(string.format, ").append(luaQuote("[" + spec + "]"))
                    .append(", ").append(argument).append("))\n");
        }
        compare(dir, "format.lua", script.toString());
    }

    @Test
    void numbers_randomValuesAndTexts_printAndParseAsLuajit(@TempDir Path dir) throws Exception {
        long seed = seed();
        System.out.println("StringLibraryDifferentialTest numbers seed " + seed);
        Random random = new Random(seed);
        String[] texts = {"0x10", " 12 ", "1e2", "1e", "0x", ".5", "5.", "-.5", "- 1", "0x1p4", "inf", "nan", "1e400", "0x1.8",
            "  0x10  ", "1 2", "", "  ", "+3", "--1", "0X1P-2", "1E+2", "12abc", "\t7\n", "1.5e-3", "9007199254740993"};
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            double value = switch (random.nextInt(4)) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> Math.rint(random.nextGaussian() * 1e6) / Math.pow(10, random.nextInt(10));
                case 2 -> random.nextLong() / Math.pow(2, random.nextInt(70));
                default -> Math.pow(10, random.nextInt(40) - 20) * (random.nextInt(2000) - 1000);
            };
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                value = 1.5;
            }
            script.append("print(").append(i).append(", ").append(luaNumber(value)).append(", ")
                    .append(luaNumber(value)).append(" .. '')\n");
        }
        for (int i = 0; i < texts.length; i++) {
            script.append("print(").append(1500 + i).append(", tonumber(").append(luaQuote(texts[i])).append("))\n");
        }
        script.append("print(1600, 1/0, -1/0, 2^63, -2^63, 2^53 + 1, 1e308 * 10, 5e-324, -0.0)\n");
        compare(dir, "numbers.lua", script.toString());
    }

    private static String luaNumber(double v) {
        if (v == 0 && 1 / v < 0) {
            return "-0.0";
        }
        // Seventeen significant digits read back as the same double in both VMs.
        return new java.math.BigDecimal(v).round(new java.math.MathContext(17)).toString();
    }

    private static void compare(Path dir, String name, String script) throws Exception {
        Files.writeString(dir.resolve(name), script, StandardCharsets.ISO_8859_1);
        String expected = LuajitOracle.run(dir, name);
        String actual = ScriptRun.inProcess(dir.resolve(name), name);
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        String[] source = script.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            int k = i;
            assertEquals(e[i], a[i], () -> "output line " + (k + 1) + " of " + name + ", printed by: " + printedBy(source, e[k]));
        }
        assertEquals(e.length, a.length, "number of lines of " + name);
    }

    /** The script line whose print produced an output line: they start with the same case number. */
    private static String printedBy(String[] source, String outputLine) {
        String number = outputLine.split("\t", 2)[0];
        for (String line : source) {
            if (line.startsWith("print(" + number + ",")) {
                return line;
            }
        }
        return "?";
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** A Lua string literal for any bytes. */
    static String luaQuote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 32 || c > 126) {
                q.append(String.format("\\%03d", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
