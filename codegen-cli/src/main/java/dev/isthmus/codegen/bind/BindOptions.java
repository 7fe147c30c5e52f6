package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.SourcePosition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to generate: the Java package, the header class's name, the library to load (a
 * short name such as {@code z}, a soname, a path, or none for the C library and the
 * process), the headers whose declarations are bound (as the line markers name them), and
 * the filters: functions, variables, structs, unions, typedefs and constants by regular
 * expression (a name is bound when the expression finds a match in it), and which functions
 * capture errno. As with jextract's {@code --include-*} options, once any filter is given
 * a kind without its own filter binds nothing of its own accord: what a bound declaration
 * needs (a record a function takes, a callback type of its parameter) is bound anyway.
 * {@code javaEnums} adds a Java enum per C enum to the {@code int} constants.
 * {@code headerNames} gives each bound header's name as the user wrote it, which the
 * generated Javadoc shows (so output does not depend on where it was generated).
 */
public record BindOptions(String packageName, String headerClass, Optional<String> library, Map<String, String> headerNames,
                          Optional<Pattern> includeFunction, Optional<Pattern> includeVariable,
                          Optional<Pattern> includeStruct, Optional<Pattern> includeUnion,
                          Optional<Pattern> includeTypedef, Optional<Pattern> includeConstant,
                          Optional<Pattern> errno, boolean javaEnums) {
    public BindOptions {
        headerNames = Map.copyOf(headerNames);
    }

    /** The bound headers, as line markers name them. */
    public Set<String> headerFiles() {
        return headerNames.keySet();
    }

    /** A position as generated code shows it: in a bound header by the header's given name. */
    public String describe(SourcePosition position) {
        return headerNames.getOrDefault(position.file(), position.file()) + ":" + position.line() + ":" + position.column();
    }

    /** Whether a declaration named {@code name} of the kind {@code filter} selects is bound for itself. */
    boolean includes(Optional<Pattern> filter, String name) {
        return filter.map(p -> p.matcher(name).find()).orElse(!filters());
    }

    /** True when any {@code --include-*} filter was given. */
    private boolean filters() {
        return includeFunction.isPresent() || includeVariable.isPresent() || includeStruct.isPresent() || includeUnion.isPresent()
                || includeTypedef.isPresent() || includeConstant.isPresent();
    }

    /** The filter of a record's kind: {@code --include-struct} or {@code --include-union}. */
    Optional<Pattern> includeRecord(dev.isthmus.cparser.type.RecordType record) {
        return record.kind() == dev.isthmus.cparser.type.RecordType.Kind.UNION ? includeUnion : includeStruct;
    }

    List<String> packagePath() {
        return List.of(packageName.split("\\."));
    }
}
