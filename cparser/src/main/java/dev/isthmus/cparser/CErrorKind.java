package dev.isthmus.cparser;

/**
 * Every error the parser reports, with its wording. Tests assert the kind and the
 * position; the sentence lives here only. Arguments fill {@code %s} in order.
 */
public enum CErrorKind {
    SYNTAX("%s"),
    EXPECTED_SEMICOLON("expected ';' after declaration"),
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
    BAD_PRAGMA("malformed '#pragma pack': %s"),
    ENUM_VALUE_RANGE("enumerator value for '%s' is not representable"),
    SHIFT_COUNT("shift count %s is negative or not less than the width of the type"),
    INVALID_CONSTANT("%s"),
    MISSING_TYPE_SPECIFIER("type specifier missing"),
    NOT_A_TYPE("'%s' is not a type name"),
    /** A type name that names a struct, union or enum tag no declaration made (LuaJIT's rules only). */
    UNDECLARED_TAG("undeclared or implicit tag '%s'"),
    TOO_COMPLEX("declaration nests too deeply (more than %s levels)");

    private final String template;

    CErrorKind(String template) {
        this.template = template;
    }

    /** The sentence for this kind with its arguments filled in. */
    public String format(Object... args) {
        return String.format(java.util.Locale.ROOT, template, args);
    }
}
