package dev.isthmus.cparser.type;

import java.util.concurrent.ConcurrentHashMap;

/** The intern table behind {@link CType}'s factories. Types are small and few; entries live as long as the class. */
final class TypeInterner {
    static final ConcurrentHashMap<CType, CType> TABLE = new ConcurrentHashMap<>();

    private TypeInterner() {
    }
}
