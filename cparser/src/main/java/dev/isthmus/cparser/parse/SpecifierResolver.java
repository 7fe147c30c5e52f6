package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CErrorKind;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.parse.CDeclarationsParser.TypeSpecifierContext;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;

import org.antlr.v4.runtime.Token;

import java.util.Optional;

/**
 * Turns the multiset of type-specifier keywords of one declaration into a type (C11
 * 6.7.2p2: {@code unsigned long int} and {@code long unsigned} are the same list), and
 * applies GCC's {@code mode} attribute. Collect with {@link #add}, finish with {@link #resolve}.
 */
final class SpecifierResolver {
    private final Abi abi;
    /** Under LuaJIT's rules: {@code _Bool int} and the {@code OI} mode exist. */
    private final boolean isLuajit;
    private int voids;
    private int chars;
    private int shorts;
    private int ints;
    private int longs;
    private int floats;
    private int doubles;
    private int signeds;
    private int unsigneds;
    private int bools;
    private int complexes;
    private int int128s;
    private String floatN;
    private CType named;
    private Token first;

    SpecifierResolver(Abi abi, boolean isLuajit) {
        this.abi = abi;
        this.isLuajit = isLuajit;
    }

    boolean hasAny() {
        return first != null;
    }

    /** Adds a keyword specifier; named ones (struct, enum, typedef, typeof, $) come through {@link #addNamed}. */
    void add(TypeSpecifierContext specifier, ConstantEvaluator.Context context) {
        Token token = specifier.getStart();
        if (first == null) {
            first = token;
        }
        if (named != null) {
            throw context.error(CErrorKind.INVALID_TYPE_SPECIFIERS, token, token.getText());
        }
        switch (token.getType()) {
            case CDeclarationsLexer.VOID -> voids++;
            case CDeclarationsLexer.CHAR -> chars++;
            case CDeclarationsLexer.SHORT -> shorts++;
            case CDeclarationsLexer.INT -> ints++;
            case CDeclarationsLexer.LONG -> longs++;
            case CDeclarationsLexer.FLOAT -> floats++;
            case CDeclarationsLexer.DOUBLE -> doubles++;
            case CDeclarationsLexer.SIGNED -> signeds++;
            case CDeclarationsLexer.UNSIGNED -> unsigneds++;
            case CDeclarationsLexer.BOOL -> bools++;
            case CDeclarationsLexer.COMPLEX -> complexes++;
            case CDeclarationsLexer.INT128 -> {
                // Microsoft's sized integer types (Win64 only) share the token: as the types they name.
                switch (token.getText()) {
                    case "__int64" -> longs += 2;
                    case "__int32" -> ints++;
                    case "__int16" -> shorts++;
                    case "__int8" -> chars++;
                    default -> int128s++;
                }
            }
            case CDeclarationsLexer.FLOAT_N -> {
                if (floatN != null) {
                    throw context.error(CErrorKind.INVALID_TYPE_SPECIFIERS, token, token.getText());
                }
                floatN = token.getText();
            }
            default -> throw new AssertionError("not a keyword specifier: " + token.getText());
        }
    }

    void addNamed(CType type, Token token, ConstantEvaluator.Context context) {
        boolean onlyComplex = complexes > 0 && voids + chars + shorts + ints + longs + floats + doubles + signeds
                + unsigneds + bools + int128s == 0 && floatN == null;
        if (named != null || (first != null && !onlyComplex)) {
            throw context.error(CErrorKind.INVALID_TYPE_SPECIFIERS, token, token.getText());
        }
        if (first == null) {
            first = token;
        }
        named = type;
    }

    /** The specified type; {@code at} positions the diagnostic when no specifier was given. */
    CType resolve(Token at, ConstantEvaluator.Context context) {
        if (named != null) {
            return named;
        }
        if (first == null) {
            throw context.error(CErrorKind.MISSING_TYPE_SPECIFIER, at);
        }
        Primitive p = resolvePrimitive();
        if (p == null && isLuajit && bools > 0) {
            throw context.error(CErrorKind.INVALID_BOOL, first, describe());
        }
        if (p == null) {
            throw context.error(CErrorKind.INVALID_TYPE_SPECIFIERS, first, describe());
        }
        return p;
    }

    private Primitive resolvePrimitive() {
        boolean isSigned = signeds > 0;
        boolean isUnsigned = unsigneds > 0;
        // LuaJIT sizes a bool by the keyword beside it (lj_cparse.c, cp_decl_spec): _Bool int
        // is a 4-byte bool; signed and unsigned may come along and change nothing printed.
        if (isLuajit && bools == 1 && ints <= 1 && signeds + unsigneds <= 1
                && voids + chars + shorts + longs + floats + doubles + int128s + complexes == 0 && floatN == null) {
            return ints == 1 ? Primitive.BOOL_INT : Primitive.BOOL;
        }
        if (signeds + unsigneds > 1 || (isSigned || isUnsigned) && (floats + doubles + bools + voids > 0 || floatN != null)) {
            return null;
        }
        if (complexes > 0) {
            return complexes == 1 && voids + chars + shorts + ints + bools + int128s + signeds + unsigneds == 0 ? complex() : null;
        }
        if (floatN != null) {
            return voids + chars + shorts + ints + longs + floats + doubles + bools + int128s == 0 ? floatN(floatN) : null;
        }
        int total = voids + chars + shorts + ints + longs + floats + doubles + bools + int128s;
        if (voids == 1 && total == 1) {
            return Primitive.VOID;
        }
        if (bools == 1 && total == 1) {
            return Primitive.BOOL;
        }
        if (chars == 1 && total == 1) {
            return isSigned ? Primitive.SIGNED_CHAR : isUnsigned ? Primitive.UNSIGNED_CHAR : Primitive.CHAR;
        }
        if (floats == 1 && total == 1) {
            return Primitive.FLOAT;
        }
        if (doubles == 1 && total == 1 + longs && longs <= 1) {
            return longs == 1 ? Primitive.LONG_DOUBLE : Primitive.DOUBLE;
        }
        if (int128s == 1 && total == 1) {
            return isUnsigned ? Primitive.UNSIGNED_INT128 : Primitive.INT128;
        }
        if (ints > 1 || total != ints + shorts + longs) {
            return null;
        }
        Primitive signed;
        if (shorts == 1 && longs == 0) {
            signed = Primitive.SHORT;
        } else if (shorts == 0 && longs == 1) {
            signed = Primitive.LONG;
        } else if (shorts == 0 && longs == 2) {
            signed = Primitive.LONG_LONG;
        } else if (shorts == 0 && longs == 0) {
            signed = Primitive.INT;
        } else {
            return null;
        }
        return isUnsigned ? signed.toUnsigned() : signed;
    }

    private Primitive complex() {
        if (floatN != null) {
            Primitive real = floatN(floatN);
            return switch (real) {
                case FLOAT -> Primitive.COMPLEX_FLOAT;
                case DOUBLE -> Primitive.COMPLEX_DOUBLE;
                case LONG_DOUBLE -> Primitive.COMPLEX_LONG_DOUBLE;
                case FLOAT128 -> Primitive.COMPLEX_FLOAT128;
                default -> null;
            };
        }
        if (floats == 1 && longs + doubles == 0) {
            return Primitive.COMPLEX_FLOAT;
        }
        if (doubles == 1 && longs == 1 && floats == 0) {
            return Primitive.COMPLEX_LONG_DOUBLE;
        }
        if (floats == 0 && longs == 0 && doubles <= 1) {
            return Primitive.COMPLEX_DOUBLE;
        }
        return null;
    }

    /** The _FloatN spellings, folded to the primitive each means on the supported ABIs. */
    private static Primitive floatN(String spelling) {
        return switch (spelling) {
            case "_Float16", "__fp16" -> Primitive.FLOAT16;
            case "_Float32" -> Primitive.FLOAT;
            case "_Float64", "_Float32x" -> Primitive.DOUBLE;
            case "_Float64x" -> Primitive.LONG_DOUBLE;
            default -> Primitive.FLOAT128;
        };
    }

    private String describe() {
        return first.getText();
    }

    /**
     * GCC's {@code mode} attribute: an integer or floating type of the named machine mode,
     * keeping the signedness of the declared type ({@code unsigned int __attribute__((mode(QI)))}
     * is {@code unsigned char}).
     */
    CType applyMode(CType type, Optional<String> mode, Token at, ConstantEvaluator.Context context) {
        return applyMode(abi, isLuajit, type, mode, at, context);
    }

    static CType applyMode(Abi abi, boolean isLuajit, CType type, Optional<String> mode, Token at, ConstantEvaluator.Context context) {
        if (mode.isEmpty()) {
            return type;
        }
        if (!(CType.unqualified(type) instanceof Primitive p) || !(p.isInteger() || p.isFloating())) {
            throw context.error(CErrorKind.INVALID_TYPE, at, "mode attribute on a type that is not arithmetic");
        }
        if (isLuajit && (p == Primitive.BOOL || p == Primitive.BOOL_INT)) {
            // LuaJIT sizes no bool by a mode (lj_cparse.c, cp_decl_intern skips CTF_BOOL).
            return type;
        }
        var vectorMode = java.util.regex.Pattern.compile("V([0-9]+)([A-Z]+)").matcher(mode.get());
        if (vectorMode.matches()) {
            // GCC's vector modes: V4SF is four SF elements, a vector of 16 bytes.
            CType element = CType.unqualified(applyMode(abi, isLuajit, type, Optional.of(vectorMode.group(2)), at, context));
            long count = Long.parseLong(vectorMode.group(1));
            if (count == 0 || Long.bitCount(count) != 1) {
                throw context.error(CErrorKind.INVALID_TYPE, at, "unknown machine mode '" + mode.get() + "'");
            }
            CType vector = CType.vector(element, count * abi.sizeOf(element));
            return type instanceof CType.Qualified q ? CType.qualified(vector, q.isConst(), q.isVolatile(), q.isRestrict()) : vector;
        }
        boolean isUnsigned = p.isUnsigned() || p == Primitive.CHAR && !abi.isCharSigned();
        Primitive signed = switch (mode.get()) {
            case "QI", "byte" -> Primitive.SIGNED_CHAR;
            case "HI" -> Primitive.SHORT;
            case "SI" -> Primitive.INT;
            case "DI" -> abi.sizeOf(Primitive.LONG) == 8 ? Primitive.LONG : Primitive.LONG_LONG;
            case "TI" -> Primitive.INT128;
            case "OI" -> {
                if (!isLuajit) {
                    throw context.error(CErrorKind.INVALID_TYPE, at, "unknown machine mode '" + mode.get() + "'");
                }
                yield Primitive.INT256;
            }
            case "word", "pointer", "unwind_word" -> abi.pointerDifferenceType();
            case "SF" -> Primitive.FLOAT;
            case "DF" -> Primitive.DOUBLE;
            case "XF" -> Primitive.LONG_DOUBLE;
            case "TF", "KF" -> Primitive.FLOAT128;
            case "HF" -> Primitive.FLOAT16;
            default -> throw context.error(CErrorKind.INVALID_TYPE, at, "unknown machine mode '" + mode.get() + "'");
        };
        Primitive result = signed.isInteger() && isUnsigned ? signed.toUnsigned() : signed;
        return type instanceof CType.Qualified q ? CType.qualified(result, q.isConst(), q.isVolatile(), q.isRestrict()) : result;
    }
}
