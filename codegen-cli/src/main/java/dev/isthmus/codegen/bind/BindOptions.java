package dev.isthmus.codegen.bind;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to generate: the Java package, the header class's name, the library to load (a
 * short name such as {@code z}, a soname, a path, or none for the C library and the
 * process), the headers whose declarations are bound (as the line markers name them), and
 * the filters: functions, structs, typedefs and constants by regular expression (a name
 * is bound when the expression finds a match in it), and which functions capture errno.
 */
public record BindOptions(String packageName, String headerClass, Optional<String> library, Set<String> headerFiles,
                          Optional<Pattern> includeFunction, Optional<Pattern> includeStruct,
                          Optional<Pattern> includeTypedef, Optional<Pattern> includeConstant,
                          Optional<Pattern> errno) {
    public BindOptions {
        headerFiles = Set.copyOf(headerFiles);
    }

    static boolean accepts(Optional<Pattern> filter, String name) {
        return filter.map(p -> p.matcher(name).find()).orElse(true);
    }

    List<String> packagePath() {
        return List.of(packageName.split("\\."));
    }
}
