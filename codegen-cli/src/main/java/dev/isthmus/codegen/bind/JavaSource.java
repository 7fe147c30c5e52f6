package dev.isthmus.codegen.bind;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.DefaultPrettyPrinter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a generated class into a formatted compilation unit: the text the writers build
 * is parsed by JavaParser into its AST (so a generator bug is a parse error here, not a
 * file that fails later in the user's build) and printed by its pretty printer, with the
 * imports the body uses.
 */
final class JavaSource {
    private static final List<String> IMPORTS = List.of(
            "java.lang.foreign.AddressLayout", "java.lang.foreign.Arena", "java.lang.foreign.FunctionDescriptor",
            "java.lang.foreign.GroupLayout", "java.lang.foreign.Linker", "java.lang.foreign.MemoryLayout",
            "java.lang.foreign.MemorySegment", "java.lang.foreign.SegmentAllocator", "java.lang.foreign.SymbolLookup",
            "java.lang.foreign.ValueLayout", "java.lang.invoke.MethodHandle", "java.lang.invoke.MethodHandles",
            "java.lang.invoke.MethodType", "java.lang.invoke.VarHandle", "java.util.List", "java.util.Locale");

    private static final Pattern RESTRICTED = Pattern.compile("\\b(?:downcallHandle|upcallStub|libraryLookup|reinterpret|withTargetLayout)\\(");

    private JavaSource() {
    }

    static String compilationUnit(String packageName, String javadoc, String declaration, String body) {
        StringBuilder text = new StringBuilder("package ").append(packageName).append(";\n\n");
        for (String imported : IMPORTS) {
            String simple = imported.substring(imported.lastIndexOf('.') + 1);
            if (Pattern.compile("\\b" + simple + "\\b").matcher(body).find()) {
                text.append("import ").append(imported).append(";\n");
            }
        }
        text.append('\n').append(javadoc);
        if (RESTRICTED.matcher(body).find()) {
            // Restricted methods are the point of a binding; the program using it grants native access.
            text.append("@SuppressWarnings(\"restricted\")\n");
        }
        text.append(declaration).append(" {\n").append(body).append("}\n");
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21);
        ParseResult<CompilationUnit> parsed = new JavaParser(configuration).parse(text.toString());
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            throw new IllegalStateException("generated Java does not parse: " + parsed.getProblems() + "\n" + text);
        }
        return new DefaultPrettyPrinter().print(parsed.getResult().get());
    }
}
