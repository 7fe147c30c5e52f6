package dev.isthmus.cparser;

/**
 * What a {@link CScope} does when a name or tag is declared again.
 */
public enum DeclarationRules {
    /**
     * C's rules, as a compiler checks a translation unit: the same meaning again is accepted
     * (a header included twice), another meaning is an error naming the first place; member
     * names are unique within a record.
     */
    C,
    /**
     * LuaJIT's {@code ffi.cdef}: a typedef, function or variable declared again keeps its
     * first declaration, whatever the new one says (modules that each paste the same
     * function with slightly different prototypes all work); a struct, union or enum body
     * given again is an error even when identical; a record may repeat a member name, every
     * member is laid out, and lookup by name finds the first. A type name
     * ({@link CScope#parseType}) cannot declare a tag: {@code struct foo} must name a tag a
     * declaration made (even only as {@code struct foo;} or through {@code struct foo *}).
     * {@code signed char} (or {@code unsigned char} where plain {@code char} is unsigned) is
     * the type {@code char}, as LuaJIT has one type for both.
     */
    LUAJIT
}
