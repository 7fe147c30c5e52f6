package dev.isthmus.ffi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's guide for Java users, compiled and run as written, so it cannot rot: the
 * {@code java} blocks of its "Using ffi-core from Java" section, in order, become the body of
 * one method (their {@code import} lines the class's imports), and every line's
 * {@code // prints: TEXT} comment is the line it must print.
 */
class ReadmeJavaGuideTest {
    private static final String SECTION = "## Using ffi-core from Java";
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PRINTS = Pattern.compile("//\\s*prints:\\s*(.*)$");

    @TempDir
    Path dir;

    @Test
    void javaGuide_compilesAndPrintsWhatItsCommentsSay() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "the README has the section '" + SECTION + "'");
        int end = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);

        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(section);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            for (String line : block.group(1).lines().toList()) {
                if (line.startsWith("import ")) {
                    imports.append(line).append('\n');
                    continue;
                }
                body.append("        ").append(line).append('\n');
                Matcher prints = PRINTS.matcher(line);
                if (prints.find()) {
                    expected.add(prints.group(1).strip());
                }
            }
        }
        assertTrue(blocks >= 5, "load and call, structs, callbacks, arenas, errors");
        String source = imports + "\npublic final class Guide {\n    public static void run() throws Throwable {\n"
                + body + "    }\n}\n";
        assertEquals(expected, run(source), "the guide's output, line by line:\n" + source);
    }

    private List<String> run(String source) throws Exception {
        Path file = dir.resolve("Guide.java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        // javac's tool interface through java.base, which the module under test already reads.
        java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac").orElseThrow();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        PrintWriter messages = new PrintWriter(diagnostics, true, StandardCharsets.UTF_8);
        int status = javac.run(messages, messages, "-classpath", System.getProperty("java.class.path"),
                "-Xlint:all,-restricted", "-Werror", "-d", classes.toString(), file.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8) + "\n" + source);
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                loader.loadClass("Guide").getMethod("run").invoke(null);
            } catch (InvocationTargetException e) {
                throw new AssertionError("the guide threw " + e.getCause() + "\n" + source, e.getCause());
            }
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
