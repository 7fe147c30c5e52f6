package dev.isthmus.cparser;

/**
 * Every error the parser reports, with its wording. Tests assert the kind and the
 * position; the sentence lives here only. Arguments fill {@code %s} in order.
 */
public enum CErrorKind {
    SYNTAX("%s"),
    EXPECTED_SEMICOLON("expected ';' after declaration"),
    /** An operand missing: after '[', '=' or an operator in a constant expression. */
    EXPECTED_EXPRESSION("expected expression"),
    /** A name missing: after a tag keyword, a declarator's ',' or a pointer's '*'. */
    EXPECTED_IDENTIFIER("expected identifier"),
    /** A parameter's or member's type missing: after '(' or ',' in a parameter list, or ';' or '{' in a struct. */
    EXPECTED_DECLARATION_SPECIFIERS("expected declaration specifiers"),
    /** An unnamed {@code void} parameter followed by others (C11 6.7.6.3p10). */
    VOID_NOT_ONLY_PARAMETER("'void' must be the only parameter"),
    /** The bracket closing what is open, where something else stands. */
    EXPECTED_TOKEN("expected '%s'"),
    UNKNOWN_TYPE_NAME("unknown type name '%s'"),
    REDEFINITION("redefinition of '%s' with a different meaning (first defined at %s)"),
    CONFLICTING_TYPES("conflicting types for '%s' (first declared at %s)"),
    TAG_KIND_MISMATCH("'%s' defined as the wrong kind of tag (first declared at %s)"),
    INCOMPLETE_TYPE("'%s' is an incomplete type"),
    NOT_CONSTANT("expression is not an integer constant expression"),
    DIVISION_BY_ZERO("division by zero in constant expression"),
    NEGATIVE_ARRAY_SIZE("array size is negative"),
    BITFIELD_WIDTH("bit-field '%s' has an invalid width (%s)"),
    BITFIELD_TYPE("bit-field '%s' has a non-integer type '%s'"),
    INVALID_TYPE_SPECIFIERS("cannot combine '%s' with the previous type specifiers"),
    INVALID_ALIGNMENT("requested alignment %s is not a positive power of two"),
    STATIC_ASSERT_FAILED("static assertion failed%s"),
    UNDECLARED_IDENTIFIER("use of undeclared identifier '%s'"),
    NO_MEMBER("'%s' has no member named '%s'"),
    DUPLICATE_MEMBER("duplicate member '%s' (first declared at %s)"),
    INVALID_TYPE("%s"),
    /** A C++ reference where none may be: in C, or (LuaJIT's rules) to a reference, pointed to, or as an array element. */
    INVALID_REFERENCE("%s"),
    /** LuaJIT's rules only: {@code _Bool} with a keyword other than {@code int}, {@code signed} or {@code unsigned}. */
    INVALID_BOOL("'_Bool' cannot be combined with '%s'"),
    BAD_PRAGMA("malformed '#pragma pack': %s"),
    ENUM_VALUE_RANGE("enumerator value for '%s' is not representable"),
    SHIFT_COUNT("shift count %s is negative or not less than the width of the type"),
    INVALID_CONSTANT("%s"),
    MISSING_TYPE_SPECIFIER("type specifier missing"),
    NOT_A_TYPE("'%s' is not a type name"),
    /** A type name that names a struct, union or enum tag no declaration made (LuaJIT's rules only). */
    UNDECLARED_TAG("undeclared or implicit tag '%s'"),
    TOO_COMPLEX("declaration nests too deeply (more than %s levels)"),
    /** A member whose type is incomplete (C11 6.7.2.1p3): void, an undefined struct, the record itself. */
    INCOMPLETE_MEMBER("field '%s' has incomplete type '%s'"),
    /** An array whose elements are of an incomplete type (C11 6.7.6.2p1). */
    INCOMPLETE_ELEMENT("array has incomplete element type '%s'"),
    /** A flexible array member followed by another member (C11 6.7.2.1p18). */
    FLEXIBLE_ARRAY_NOT_LAST("flexible array member '%s' is not the last member"),
    ARRAY_OF_FUNCTIONS("'%s' declared as an array of functions"),
    INVALID_RETURN_TYPE("function cannot return %s"),
    /** An object too large for the rules in force (PTRDIFF_MAX bytes in C, 2^31 - 1 in LuaJIT). */
    TYPE_TOO_LARGE("array is too large (%s elements of %s bytes)"),
    /** LuaJIT's rules only: a declaration with no declarator whose type is not a struct, union or enum. */
    NO_DECLARATOR("declaration does not declare anything"),
    /**
     * LuaJIT's rules only: {@code static} on anything but a function or a constant, which
     * must be a {@code const} integer of at most 32 bits with an initializer.
     */
    UNSUPPORTED_STATIC("'%s' cannot be static here: only functions and const integer constants of up to 32 bits can"),
    /** LuaJIT's rules only: a {@code static const} constant without its value. */
    CONSTANT_WITHOUT_VALUE("constant '%s' has no initializer"),
    /** A storage class on a struct or union member, which only LuaJIT's {@code static const} members may have. */
    MEMBER_STORAGE_CLASS("member '%s' has a storage class"),
    /** LuaJIT's rules only: a preprocessor directive other than a line marker or a pragma. */
    UNSUPPORTED_DIRECTIVE("'#%s' is not supported: only #pragma and line markers are");

    private final String template;

    CErrorKind(String template) {
        this.template = template;
    }

    /** The sentence for this kind with its arguments filled in. */
    public String format(Object... args) {
        return String.format(java.util.Locale.ROOT, template, args);
    }
}
