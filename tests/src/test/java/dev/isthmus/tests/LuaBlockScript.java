package dev.isthmus.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * A conformance script parsed into its blocks. A block starts with a line {@code -- test: name}
 * (or {@code -- test (luajit -joff): name}, when the expectation is what LuaJIT prints with those
 * options: its interpreter's output where its JIT knowingly gives another),
 * is a top-level {@code do ... end}, and is followed by its expected output, one
 * {@code -- expect: text} line per printed line. Outside blocks only comments and blank lines
 * may appear, so that no block depends on code another block or the file runs.
 */
record LuaBlockScript(String fileName, List<Block> blocks) {
    private static final java.util.regex.Pattern TEST_LINE = java.util.regex.Pattern.compile("-- test(?: \\(luajit ([^)]*)\\))?:(.*)");
    private static final String EXPECT = "-- expect:";

    LuaBlockScript {
        blocks = List.copyOf(blocks);
    }

    /**
     * One block: its name, the 1-based line of its {@code -- test:} line, its source lines and
     * the lines it must print.
     */
    record Block(String name, int firstLine, List<String> source, List<String> expected, List<String> luajitOptions) {
        Block {
            source = List.copyOf(source);
            expected = List.copyOf(expected);
            luajitOptions = List.copyOf(luajitOptions);
        }

        /**
         * The block as a chunk of its own, preceded by as many empty lines as precede it in
         * the file, so that error messages name the file's line numbers.
         */
        String chunk() {
            StringBuilder chunk = new StringBuilder("\n".repeat(firstLine - 1));
            for (String line : source) {
                chunk.append(line).append('\n');
            }
            return chunk.toString();
        }

        /** The expected output as print writes it: every line ended by a newline. */
        String expectedOutput() {
            StringBuilder output = new StringBuilder();
            for (String line : expected) {
                output.append(line).append('\n');
            }
            return output.toString();
        }
    }

    /**
     * Parses a script's lines (decoded as ISO-8859-1, so bytes survive).
     *
     * @throws IllegalArgumentException naming the file and line of a malformed block
     */
    static LuaBlockScript parse(String fileName, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (isTestLine(line)) {
                i = parseBlock(fileName, lines, i, blocks);
            } else if (line.isBlank() || line.startsWith("--")) {
                i++;
            } else {
                throw malformed(fileName, i, "code outside a block (blocks start with '-- test: name')");
            }
        }
        return new LuaBlockScript(fileName, blocks);
    }

    private static boolean isTestLine(String line) {
        return line.startsWith("-- test:") || line.startsWith("-- test (luajit ");
    }

    /** Parses the block whose test line is at {@code start}; returns the index after it. */
    private static int parseBlock(String fileName, List<String> lines, int start, List<Block> blocks) {
        java.util.regex.Matcher test = TEST_LINE.matcher(lines.get(start));
        if (!test.matches()) {
            throw malformed(fileName, start, "a block starts with '-- test: name' or '-- test (luajit options): name'");
        }
        String name = test.group(2).strip();
        if (name.isEmpty()) {
            throw malformed(fileName, start, "a block needs a name after '-- test:'");
        }
        List<String> options = test.group(1) == null ? List.of() : List.of(test.group(1).strip().split("\\s+"));
        int i = start + 1;
        List<String> source = new ArrayList<>();
        source.add(lines.get(start));
        while (i < lines.size() && !lines.get(i).startsWith(EXPECT) && !isTestLine(lines.get(i))) {
            source.add(lines.get(i++));
        }
        List<String> expected = new ArrayList<>();
        while (i < lines.size() && lines.get(i).startsWith(EXPECT)) {
            expected.add(expectedText(lines.get(i++)));
        }
        checkShape(fileName, start, source);
        if (expected.isEmpty()) {
            throw malformed(fileName, start, "block '" + name + "' has no '-- expect:' lines");
        }
        blocks.add(new Block(name, start + 1, source, expected, options));
        return i;
    }

    /** The source must be one {@code do ... end} statement, optionally with blank lines after it. */
    private static void checkShape(String fileName, int start, List<String> source) {
        int last = source.size() - 1;
        while (last > 0 && source.get(last).isBlank()) {
            last--;
        }
        if (source.size() < 3 || !source.get(1).startsWith("do") || !source.get(last).equals("end")) {
            throw malformed(fileName, start, "a block is a top-level 'do ... end' right after its '-- test:' line");
        }
    }

    /** The text after {@code -- expect:} and the one space that separates it. */
    private static String expectedText(String line) {
        String text = line.substring(EXPECT.length());
        return text.startsWith(" ") ? text.substring(1) : text;
    }

    private static IllegalArgumentException malformed(String fileName, int index, String problem) {
        return new IllegalArgumentException(fileName + ":" + (index + 1) + ": " + problem);
    }
}
