package dev.isthmus.cparser.type;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a declaration wrote its type where it used typedef names, for output a reader
 * recognises ({@code size_t n}, {@code int (*read)(sqlite3_file *, sqlite3_int64)}), the way
 * {@code pahole} prints the typedefs DWARF keeps. Types are interned, so {@code size_t} and
 * {@code unsigned long} are one type: this record is display only and never takes part in
 * a type's identity or layout.
 *
 * <p>{@code base} is the typedef the declaration's specifiers named; {@code parameters} gives,
 * for each function type in the declaration (a function pointer member's, and those nested in
 * its parameters), the typedef each parameter's specifiers named, in order;
 * {@code parameterNames}, the names of the parameters of the function the declarator
 * declares or points to (empty when it is no function or pointer to one).
 */
public record TypeSpelling(Optional<TypedefUse> base, Map<CType.Function, List<Optional<TypedefUse>>> parameters,
                           List<Optional<String>> parameterNames) {
    /** A type written without typedef names, or whose spelling was not kept: rendered as resolved. */
    public static final TypeSpelling AS_RESOLVED = new TypeSpelling(Optional.empty(), Map.of());

    public TypeSpelling {
        Objects.requireNonNull(base, "base");
        Map<CType.Function, List<Optional<TypedefUse>>> copy = new HashMap<>();
        parameters.forEach((function, uses) -> copy.put(function, List.copyOf(uses)));
        parameters = Map.copyOf(copy);
        parameterNames = List.copyOf(parameterNames);
    }

    /** A spelling that names no parameters. */
    public TypeSpelling(Optional<TypedefUse> base, Map<CType.Function, List<Optional<TypedefUse>>> parameters) {
        this(base, parameters, List.of());
    }

    /**
     * This spelling with the names the declaration gave the parameters of the function its
     * declarator declares or points to ({@code int (*describe)(const struct shape *shape, char *out)}:
     * {@code shape}, {@code out}), one per parameter, empty where unnamed.
     */
    public TypeSpelling withParameterNames(List<Optional<String>> names) {
        return names.isEmpty() && parameterNames.isEmpty() ? this : new TypeSpelling(base, parameters, names);
    }

    /** The spelling of parameter {@code index} of {@code function}, which shares this declaration's parameter table. */
    TypeSpelling parameter(CType.Function function, int index) {
        List<Optional<TypedefUse>> uses = parameters.get(function);
        Optional<TypedefUse> use = uses == null || index >= uses.size() ? Optional.empty() : uses.get(index);
        return use.isEmpty() && parameters.isEmpty() ? AS_RESOLVED : new TypeSpelling(use, parameters);
    }
}
