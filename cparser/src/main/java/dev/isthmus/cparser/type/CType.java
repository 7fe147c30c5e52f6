package dev.isthmus.cparser.type;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A C type. The family is closed: every consumer switches over it exhaustively.
 *
 * <p>Struct, union and enum types ({@link RecordType}, {@link EnumType}) are their
 * declarations and compare by identity. Every other type is a value, and the factories
 * on this interface intern them, so {@code ==} is equality for types built through
 * them (records compare by value in any case). A VM can therefore guard on a type
 * with one reference comparison.
 *
 * <p>Typedef names are not types: a typedef resolves to the type it names, and the
 * name lives in {@link dev.isthmus.cparser.CScope}. Attributes that change a type's
 * layout ({@code aligned} on a typedef, {@code vector_size}) are types of their own.
 */
public sealed interface CType
        permits Primitive, CType.Pointer, CType.Pointer32, CType.Reference, CType.Array, CType.Function, CType.Qualified,
                CType.Aligned, CType.Vector, RecordType, EnumType {

    /** {@code T *}. */
    record Pointer(CType target) implements CType {
        public Pointer {
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * {@code T *__ptr32}: a 32-bit pointer on a 64-bit target, which LuaJIT's C parser makes of
     * MSVC's {@code __ptr32} (lj_cparse.c, cp_declarator): 4 bytes holding an address's low half.
     * Only stored and printed here; no value converts to or from one.
     */
    record Pointer32(CType target) implements CType {
        public Pointer32 {
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * {@code T &}: a C++ reference, which LuaJIT's C parser accepts (lj_cparse.c) and its FFI
     * treats as a pointer dereferenced implicitly wherever it is used. Laid out as a pointer
     * (a struct member of reference type holds an address). Never qualified, never the target
     * of a pointer or another reference, never an array element.
     */
    record Reference(CType target) implements CType {
        public Reference {
            Objects.requireNonNull(target, "target");
        }
    }

    /** How an array's element count is known. */
    enum ArrayKind {
        /** {@code T[n]}. */
        FIXED,
        /** {@code T[]}: an incomplete array, or a flexible array member. */
        INCOMPLETE,
        /** {@code T[?]}: LuaJIT's variable-length array, its count given at allocation. */
        VARIABLE
    }

    /**
     * {@code T[n]}, {@code T[]} or {@code T[?]}. {@code length} is the element count for
     * {@link ArrayKind#FIXED} and -1 otherwise.
     */
    record Array(CType element, ArrayKind kind, long length) implements CType {
        public Array {
            Objects.requireNonNull(element, "element");
            Objects.requireNonNull(kind, "kind");
            if (kind == ArrayKind.FIXED ? length < 0 : length != -1) {
                throw new IllegalArgumentException("array length " + length + " does not fit kind " + kind);
            }
        }
    }

    /**
     * A function type. {@code hasPrototype} is false for the K&amp;R form {@code int f()},
     * whose parameters are unknown; {@code int f(void)} has a prototype and no parameters.
     * Parameter names are not part of the type.
     */
    record Function(CType returnType, List<CType> parameterTypes, boolean isVariadic, boolean hasPrototype)
            implements CType {
        public Function {
            Objects.requireNonNull(returnType, "returnType");
            parameterTypes = List.copyOf(parameterTypes);
            if (!hasPrototype && (isVariadic || !parameterTypes.isEmpty())) {
                throw new IllegalArgumentException("an unprototyped function has no parameter list");
            }
        }
    }

    /**
     * A qualified type. Invariant: {@code base} is not itself {@code Qualified}, and at
     * least one qualifier is set. Arrays are never qualified: C qualifies their elements
     * (C11 6.7.3p9), and {@link #qualified} pushes qualifiers down accordingly.
     */
    record Qualified(CType base, boolean isConst, boolean isVolatile, boolean isRestrict) implements CType {
        public Qualified {
            Objects.requireNonNull(base, "base");
            if (base instanceof Qualified || base instanceof Array) {
                throw new IllegalArgumentException("cannot qualify " + base.getClass().getSimpleName() + " directly");
            }
            if (!isConst && !isVolatile && !isRestrict) {
                throw new IllegalArgumentException("a Qualified type needs a qualifier");
            }
        }
    }

    /**
     * A type whose alignment an attribute set: {@code typedef int T __attribute__((aligned(16)))}.
     * GCC lets a typedef's {@code aligned} both raise and lower alignment, unlike on a member.
     */
    record Aligned(CType base, long byteAlignment) implements CType {
        public Aligned {
            Objects.requireNonNull(base, "base");
            if (byteAlignment <= 0 || Long.bitCount(byteAlignment) != 1) {
                throw new IllegalArgumentException("alignment must be a power of two, got " + byteAlignment);
            }
        }
    }

    /** A GCC vector, {@code T __attribute__((vector_size(byteSize)))}. */
    record Vector(CType element, long byteSize) implements CType {
        public Vector {
            Objects.requireNonNull(element, "element");
            if (byteSize <= 0 || Long.bitCount(byteSize) != 1) {
                throw new IllegalArgumentException("vector size must be a power of two, got " + byteSize);
            }
        }
    }

    // ---- Interning factories ------------------------------------------------------------

    /** The interned copy of a value type; identity types are returned as they are. */
    @SuppressWarnings("unchecked")
    static <T extends CType> T intern(T type) {
        return switch (type) {
            case Primitive p -> type;
            case RecordType r -> type;
            case EnumType e -> type;
            case Pointer p -> (T) TypeInterner.TABLE.computeIfAbsent(p, k -> k);
            case Reference r -> (T) TypeInterner.TABLE.computeIfAbsent(r, k -> k);
            case Pointer32 p -> (T) TypeInterner.TABLE.computeIfAbsent(p, k -> k);
            case Array a -> (T) TypeInterner.TABLE.computeIfAbsent(a, k -> k);
            case Function f -> (T) TypeInterner.TABLE.computeIfAbsent(f, k -> k);
            case Qualified q -> (T) TypeInterner.TABLE.computeIfAbsent(q, k -> k);
            case Aligned a -> (T) TypeInterner.TABLE.computeIfAbsent(a, k -> k);
            case Vector v -> (T) TypeInterner.TABLE.computeIfAbsent(v, k -> k);
        };
    }

    static Pointer pointerTo(CType target) {
        return intern(new Pointer(target));
    }

    static Pointer32 pointer32To(CType target) {
        return intern(new Pointer32(target));
    }

    static Reference referenceTo(CType target) {
        return intern(new Reference(target));
    }

    static Array arrayOf(CType element, long length) {
        return intern(new Array(element, ArrayKind.FIXED, length));
    }

    static Array incompleteArrayOf(CType element) {
        return intern(new Array(element, ArrayKind.INCOMPLETE, -1));
    }

    static Array variableArrayOf(CType element) {
        return intern(new Array(element, ArrayKind.VARIABLE, -1));
    }

    static Function function(CType returnType, List<CType> parameterTypes, boolean isVariadic) {
        return intern(new Function(returnType, parameterTypes, isVariadic, true));
    }

    static Function unprototypedFunction(CType returnType) {
        return intern(new Function(returnType, List.of(), false, false));
    }

    /**
     * {@code base} with the given qualifiers added to any it has. Qualifying an array
     * qualifies its elements (C11 6.7.3p9). With no qualifier, {@code base} is returned.
     */
    static CType qualified(CType base, boolean isConst, boolean isVolatile, boolean isRestrict) {
        if (!isConst && !isVolatile && !isRestrict) {
            return base;
        }
        return switch (base) {
            case Array a -> intern(new Array(qualified(a.element(), isConst, isVolatile, isRestrict), a.kind(), a.length()));
            case Qualified q -> intern(new Qualified(q.base(), q.isConst() || isConst,
                    q.isVolatile() || isVolatile, q.isRestrict() || isRestrict));
            default -> intern(new Qualified(base, isConst, isVolatile, isRestrict));
        };
    }

    static Aligned aligned(CType base, long byteAlignment) {
        return intern(new Aligned(base, byteAlignment));
    }

    static Vector vector(CType element, long byteSize) {
        return intern(new Vector(element, byteSize));
    }

    /** {@code type} without top-level qualifiers. */
    static CType unqualified(CType type) {
        return type instanceof Qualified q ? q.base() : type;
    }

}
