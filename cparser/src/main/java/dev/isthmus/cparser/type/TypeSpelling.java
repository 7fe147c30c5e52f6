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
 * its parameters), the typedef each parameter's specifiers named, in order.
 */
public record TypeSpelling(Optional<TypedefUse> base, Map<CType.Function, List<Optional<TypedefUse>>> parameters) {
    /** A type written without typedef names, or whose spelling was not kept: rendered as resolved. */
    public static final TypeSpelling AS_RESOLVED = new TypeSpelling(Optional.empty(), Map.of());

    public TypeSpelling {
        Objects.requireNonNull(base, "base");
        Map<CType.Function, List<Optional<TypedefUse>>> copy = new HashMap<>();
        parameters.forEach((function, uses) -> copy.put(function, List.copyOf(uses)));
        parameters = Map.copyOf(copy);
    }

    /** The spelling of parameter {@code index} of {@code function}, which shares this declaration's parameter table. */
    TypeSpelling parameter(CType.Function function, int index) {
        List<Optional<TypedefUse>> uses = parameters.get(function);
        Optional<TypedefUse> use = uses == null || index >= uses.size() ? Optional.empty() : uses.get(index);
        return use.isEmpty() && parameters.isEmpty() ? AS_RESOLVED : new TypeSpelling(use, parameters);
    }
}
