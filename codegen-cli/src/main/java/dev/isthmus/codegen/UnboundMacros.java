package dev.isthmus.codegen;

import dev.isthmus.codegen.bind.FunctionMacro;
import dev.isthmus.cparser.CScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macros of the bound headers that did not become constants: every {@code #define}
 * line of preprocessed text ({@code -dD} form, with line markers) made in one of the
 * headers, still defined at the end, whose name the scope does not hold. Function-like
 * ones go to the generator (which translates those it can); the rest are for the report.
 */
final class UnboundMacros {
    private static final Pattern MARKER = Pattern.compile("#\\s*(?:line\\s+)?(\\d+)\\s+\"((?:[^\"\\\\]|\\\\.)*)\".*");
    private static final Pattern DEFINE = Pattern.compile("#\\s*define\\s+([A-Za-z_$][A-Za-z_0-9$]*)(\\()?(.*)");
    private static final Pattern PARAMETERS = Pattern.compile("\\(([^)]*)\\)\\s*(.*)");
    private static final Pattern UNDEF = Pattern.compile("#\\s*undef\\s+([A-Za-z_$][A-Za-z_0-9$]*).*");

    private UnboundMacros() {
    }

    /** The function-like macros, and the report's lines for the other macros that are not constants. */
    record Found(List<FunctionMacro> functionMacros, List<String> notBound) {
    }

    /** {@code headerNames} maps each bound header, as markers name it, to its name as given. */
    static Found find(String text, Map<String, String> headerNames, CScope scope) {
        Map<String, String> unbound = new LinkedHashMap<>();
        Map<String, FunctionMacro> functionMacros = new LinkedHashMap<>();
        String file = "";
        int line = 1;
        for (String physical : text.split("\n", -1)) {
            Matcher m = MARKER.matcher(physical);
            if (m.matches()) {
                file = m.group(2).replace("\\\\", "\\");
                line = Integer.parseInt(m.group(1));
                continue;
            }
            if (headerNames.containsKey(file)) {
                Matcher define = DEFINE.matcher(physical);
                Matcher undef = UNDEF.matcher(physical);
                if (define.matches()) {
                    String name = define.group(1);
                    unbound.remove(name);
                    functionMacros.remove(name);
                    Matcher parameters = PARAMETERS.matcher("(" + define.group(3));
                    if (define.group(2) != null && parameters.matches()) {
                        List<String> names = parameters.group(1).isBlank() ? List.of()
                                : List.of(parameters.group(1).trim().split("\\s*,\\s*"));
                        functionMacros.put(name, new FunctionMacro(name, names, parameters.group(2).trim(),
                                headerNames.get(file) + ":" + line));
                        line++;
                        continue;
                    }
                    // An empty macro (an include guard, a feature flag) has nothing to bind.
                    boolean empty = define.group(2) == null && define.group(3).isBlank();
                    if (!empty && scope.constant(name).isEmpty()) {
                        unbound.put(name, "macro " + name + " (" + headerNames.get(file) + ":" + line + "): "
                                + (define.group(2) != null ? "function-like macros are not bound yet (issue #13)"
                                        : "its body is not a constant expression"));
                    }
                } else if (undef.matches()) {
                    unbound.remove(undef.group(1));
                    functionMacros.remove(undef.group(1));
                }
            }
            line++;
        }
        return new Found(List.copyOf(functionMacros.values()), new ArrayList<>(unbound.values()));
    }
}
