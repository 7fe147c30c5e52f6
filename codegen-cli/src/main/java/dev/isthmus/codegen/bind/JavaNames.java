package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.type.RecordType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Java names of generated things: classes in PascalCase from C names
 * ({@code struct it_rect} is {@code ItRect}, {@code zlib.h}'s class is {@code Zlib}),
 * members and parameters as C spells them unless that is a Java keyword (then with a
 * trailing underscore). Class names are unique within a binding.
 */
final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits", "non-sealed", "_");

    private final Map<RecordType, String> recordClasses = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    /** Records named but whose class is not written (portable bindings of a record some ABI defines otherwise). */
    private final Set<RecordType> withoutClass = new HashSet<>();

    /** Reserves a class name, adding a number when it is taken. */
    String reserve(String cName) {
        String base = pascalCase(cName);
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + i;
        }
        return name;
    }

    void nameRecord(RecordType record, String cName) {
        recordClasses.computeIfAbsent(record, r -> reserve(cName));
    }

    /** Names {@code peer}, the same record as parsed for another ABI, by {@code record}'s class. */
    void alias(RecordType peer, RecordType record) {
        recordClasses.putIfAbsent(peer, recordClass(record));
    }

    boolean hasRecordClass(RecordType record) {
        return recordClasses.containsKey(record);
    }

    /** Marks a named record whose class will not be written, so nothing refers to its {@code POINTER}. */
    void withoutClass(RecordType record) {
        withoutClass.add(record);
    }

    /** Whether {@code record}'s class is written, with its {@code LAYOUT} and {@code POINTER}. */
    boolean hasWrittenClass(RecordType record) {
        return recordClasses.containsKey(record) && !withoutClass.contains(record);
    }

    String recordClass(RecordType record) {
        String name = recordClasses.get(record);
        if (name == null) {
            throw new IllegalStateException("no class named for " + record);
        }
        return name;
    }

    static String pascalCase(String cName) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : cName.toCharArray()) {
            if (c == '_' || c == '.' || c == '-' || c == '/') {
                upper = true;
            } else if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        if (out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, 'C');
        }
        return out.toString();
    }

    /** A C member or parameter name usable in Java. */
    static String identifier(String cName) {
        return KEYWORDS.contains(cName) ? cName + "_" : cName;
    }

    /**
     * A parameter's Java name, unique among {@code used} (the names the generated method
     * body declares itself, and the parameters before it): the C name, or {@code arg<i>}
     * for an unnamed one, with underscores added while it is taken ({@code e} is {@code e_}
     * beside the {@code catch (Throwable e)}).
     */
    static String parameter(Optional<String> cName, int index, Set<String> used) {
        String name = cName.map(JavaNames::identifier).orElse("arg" + index);
        while (!used.add(name)) {
            name = name + "_";
        }
        return name;
    }

    /** The header class for a header file name: {@code zlib.h} gives {@code Zlib}. */
    static String headerClass(String fileName) {
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = base.indexOf('.');
        return pascalCase(dot > 0 ? base.substring(0, dot) : base);
    }
}
