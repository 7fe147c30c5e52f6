package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.TypeRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * C text made safe inside a Javadoc {@code {@code ...}} (whose braces C's balanced ones do
 * not disturb): no comment end, no unicode escape, one line.
 */
final class Javadoc {
    private Javadoc() {
    }

    /** A function declaration with its parameter names: {@code int compress(Bytef *dest, ...)}. */
    static String functionDeclaration(String name, CType.Function type,
                                      List<Optional<String>> parameterNames) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < type.parameterTypes().size(); i++) {
            String parameter = i < parameterNames.size() ? parameterNames.get(i).orElse("") : "";
            parameters.add(TypeRenderer.declare(type.parameterTypes().get(i), parameter));
        }
        if (type.isVariadic()) {
            parameters.add("...");
        }
        String list = parameters.isEmpty() ? "void" : String.join(", ", parameters);
        return escape(TypeRenderer.declare(type.returnType(), name + "(" + list + ")"));
    }

    static String escape(String c) {
        // An unbalanced brace would end the {@code} early; C text from declarations is balanced.
        return c.replace("*/", "* /").replace("\\u", "\\\\u")
                .replace("\n", " ");
    }
}
