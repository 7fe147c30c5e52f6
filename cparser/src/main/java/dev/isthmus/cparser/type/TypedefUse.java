package dev.isthmus.cparser.type;

import java.util.Objects;

/**
 * Where a declaration spelled part of its type with a typedef name: {@code resolved} is the
 * type that name (with the qualifiers written beside it) stands for, and {@code spelling} is
 * how it was written ({@code size_t}, {@code const curl_off_t}). Types are interned, so
 * {@code size_t} and {@code unsigned long} are one type; this keeps the name for output a
 * reader recognises, the way {@code pahole} prints the typedefs DWARF records.
 */
public record TypedefUse(CType resolved, String spelling) {
    public TypedefUse {
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(spelling, "spelling");
    }
}
