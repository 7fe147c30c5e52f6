package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * C types spelled as LuaJIT spells them in {@code tostring} of ctypes and cdata and in its
 * error messages (lj_ctype.c, lj_ctype_repr), which is not C's spelling: integers are named by
 * size ({@code int64_t} for {@code long} and {@code size_t}, {@code char} for {@code signed char}),
 * a function type shows no parameters ({@code int (*)()}), {@code restrict} and alignment
 * attributes are not shown, a complex type drops its qualifiers, and a struct, union or enum
 * without a tag is named by a number ({@code struct 97}). The declarator syntax is C's
 * ({@link TypeRenderer}), given LuaJIT's names and the type as LuaJIT shows it.
 *
 * <p>LuaJIT's number is the ctype's index in its type table; here it is a counter in the
 * order such types are first named, so it is only ever an identification within one run.
 */
final class LuajitTypeNames {
    private static final Abi ABI = Abi.host();
    /** LuaJIT's type table starts with its built-in types; anonymous types are numbered after them. */
    private static final int FIRST_ANONYMOUS_ID = 96;
    private static final Map<CType, Integer> ANONYMOUS_IDS = new WeakHashMap<>();

    private LuajitTypeNames() {
    }

    static String of(CType type) {
        return TypeRenderer.render(shown(type), LuajitTypeNames::name);
    }

    /** {@code type} with what LuaJIT does not show taken out: parameters, restrict, alignment, a complex's qualifiers. */
    private static CType shown(CType type) {
        return switch (type) {
            case CType.Pointer p -> CType.pointerTo(shown(p.target()));
            case CType.Reference r -> CType.referenceTo(shown(r.target()));
            case CType.Pointer32 p -> CType.pointer32To(shown(p.target()));
            case CType.Array a -> switch (a.kind()) {
                case FIXED -> CType.arrayOf(shown(a.element()), a.length());
                case INCOMPLETE -> CType.incompleteArrayOf(shown(a.element()));
                case VARIABLE -> CType.variableArrayOf(shown(a.element()));
            };
            case CType.Function f -> CType.unprototypedFunction(shown(f.returnType()));
            case CType.Qualified q when q.base() instanceof Primitive p && p.complexPart() != p -> p;
            case CType.Qualified q -> CType.qualified(shown(q.base()), q.isConst(), q.isVolatile(), false);
            case CType.Aligned a -> shown(a.base());
            default -> type;
        };
    }

    private static String name(CType type) {
        return switch (type) {
            case Primitive p -> primitive(p);
            case RecordType r -> r.kind().keyword() + " " + r.tag().orElseGet(() -> anonymousId(r));
            case EnumType e -> "enum " + e.tag().orElseGet(() -> anonymousId(e));
            default -> null;
        };
    }

    private static String primitive(Primitive p) {
        return switch (p) {
            case VOID -> "void";
            case BOOL, BOOL_INT -> "bool";
            case CHAR, SIGNED_CHAR -> ABI.isCharSigned() || p == Primitive.SIGNED_CHAR ? "char" : "unsigned char";
            case UNSIGNED_CHAR -> "unsigned char";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case LONG_DOUBLE -> "long double";
            case COMPLEX_FLOAT -> "complex float";
            case COMPLEX_DOUBLE -> "complex";
            default -> p.isInteger() ? integer(ABI.sizeOf(p), p.isUnsigned()) : p.spelling();
        };
    }

    /** LuaJIT names an integer by its size: {@code short}, {@code int}, {@code int64_t}, {@code uint128_t}. */
    private static String integer(long byteSize, boolean isUnsigned) {
        return switch ((int) byteSize) {
            case 2 -> isUnsigned ? "unsigned short" : "short";
            case 4 -> isUnsigned ? "unsigned int" : "int";
            default -> (isUnsigned ? "uint" : "int") + byteSize * 8 + "_t";
        };
    }

    private static String anonymousId(CType type) {
        synchronized (ANONYMOUS_IDS) {
            return String.valueOf(ANONYMOUS_IDS.computeIfAbsent(type, t -> FIRST_ANONYMOUS_ID + ANONYMOUS_IDS.size()));
        }
    }
}
