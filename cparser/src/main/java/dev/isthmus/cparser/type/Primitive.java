package dev.isthmus.cparser.type;

/**
 * The arithmetic types and {@code void}, each with its canonical C spelling. Sizes and
 * alignments are not here: they belong to an {@link dev.isthmus.cparser.abi.Abi}.
 *
 * <p>{@code char} is its own type, distinct from {@code signed char} and
 * {@code unsigned char} (C11 6.2.5p15); whether it is signed is the ABI's call.
 * Spellings that name the same type on every supported ABI ({@code _Float64} and
 * {@code double}) are folded by the parser.
 */
public enum Primitive implements CType {
    VOID("void", Category.VOID, 0),
    BOOL("_Bool", Category.INTEGER, 1),
    /** LuaJIT's {@code _Bool int}: a bool the size of an int (lj_cparse.c takes a bool's size from its other keyword). */
    BOOL_INT("_Bool int", Category.INTEGER, 1),
    CHAR("char", Category.INTEGER, 2),
    SIGNED_CHAR("signed char", Category.INTEGER, 2),
    UNSIGNED_CHAR("unsigned char", Category.INTEGER, 2),
    SHORT("short", Category.INTEGER, 3),
    UNSIGNED_SHORT("unsigned short", Category.INTEGER, 3),
    INT("int", Category.INTEGER, 4),
    UNSIGNED_INT("unsigned int", Category.INTEGER, 4),
    LONG("long", Category.INTEGER, 5),
    UNSIGNED_LONG("unsigned long", Category.INTEGER, 5),
    LONG_LONG("long long", Category.INTEGER, 6),
    UNSIGNED_LONG_LONG("unsigned long long", Category.INTEGER, 6),
    INT128("__int128", Category.INTEGER, 7),
    UNSIGNED_INT128("unsigned __int128", Category.INTEGER, 7),
    /** LuaJIT's 32-byte integers, {@code __attribute__((mode(OI)))}; GCC has no such mode on the supported targets. */
    INT256("int __attribute__((mode(OI)))", Category.INTEGER, 8),
    UNSIGNED_INT256("unsigned int __attribute__((mode(OI)))", Category.INTEGER, 8),
    FLOAT16("_Float16", Category.FLOATING, 0),
    FLOAT("float", Category.FLOATING, 0),
    DOUBLE("double", Category.FLOATING, 0),
    LONG_DOUBLE("long double", Category.FLOATING, 0),
    FLOAT128("_Float128", Category.FLOATING, 0),
    COMPLEX_FLOAT("_Complex float", Category.COMPLEX, 0),
    COMPLEX_DOUBLE("_Complex double", Category.COMPLEX, 0),
    COMPLEX_LONG_DOUBLE("_Complex long double", Category.COMPLEX, 0),
    COMPLEX_FLOAT128("_Complex _Float128", Category.COMPLEX, 0);

    /** What kind of arithmetic a primitive does. */
    public enum Category { VOID, INTEGER, FLOATING, COMPLEX }

    private final String spelling;
    private final Category category;
    private final int conversionRank;

    Primitive(String spelling, Category category, int conversionRank) {
        this.spelling = spelling;
        this.category = category;
        this.conversionRank = conversionRank;
    }

    /** The canonical C spelling, which parses back to this primitive. */
    public String spelling() {
        return spelling;
    }

    public Category category() {
        return category;
    }

    public boolean isInteger() {
        return category == Category.INTEGER;
    }

    public boolean isFloating() {
        return category == Category.FLOATING;
    }

    /**
     * Integer conversion rank (C11 6.3.1.1): {@code _Bool} 1, the char types 2, up to
     * {@code __int128} 7 (LuaJIT's 32-byte integers 8); 0 for non-integers.
     */
    public int conversionRank() {
        return conversionRank;
    }

    /**
     * Whether the type is an unsigned integer. {@code char}'s signedness is ABI-dependent
     * and answered by {@link dev.isthmus.cparser.abi.Abi#isCharSigned()}; here it is false.
     */
    public boolean isUnsigned() {
        return switch (this) {
            case BOOL, BOOL_INT, UNSIGNED_CHAR, UNSIGNED_SHORT, UNSIGNED_INT, UNSIGNED_LONG,
                 UNSIGNED_LONG_LONG, UNSIGNED_INT128, UNSIGNED_INT256 -> true;
            default -> false;
        };
    }

    /** The unsigned integer type of the same rank; itself when already unsigned. */
    public Primitive toUnsigned() {
        return switch (this) {
            case CHAR, SIGNED_CHAR -> UNSIGNED_CHAR;
            case SHORT -> UNSIGNED_SHORT;
            case INT -> UNSIGNED_INT;
            case LONG -> UNSIGNED_LONG;
            case LONG_LONG -> UNSIGNED_LONG_LONG;
            case INT128 -> UNSIGNED_INT128;
            case INT256 -> UNSIGNED_INT256;
            default -> {
                if (isUnsigned()) {
                    yield this;
                }
                throw new IllegalArgumentException(spelling + " has no unsigned counterpart");
            }
        };
    }

    /** The real type of a complex type's parts; itself for non-complex types. */
    public Primitive complexPart() {
        return switch (this) {
            case COMPLEX_FLOAT -> FLOAT;
            case COMPLEX_DOUBLE -> DOUBLE;
            case COMPLEX_LONG_DOUBLE -> LONG_DOUBLE;
            case COMPLEX_FLOAT128 -> FLOAT128;
            default -> this;
        };
    }
}
