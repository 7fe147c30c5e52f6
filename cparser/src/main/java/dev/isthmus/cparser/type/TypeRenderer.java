package dev.isthmus.cparser.type;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Renders types back to C text that a C compiler (and our parser) reads as the same type:
 * type names ({@code int (*)(int, ...)}), declarations ({@code int (*fp[3])(void)}) and
 * struct, union and enum definitions with their layout attributes.
 *
 * <p>Declarators are built inside out, the way C reads them (C11 6.7.6): pointers go on
 * the left of the name, arrays and parameter lists on the right, and a pointer to an
 * array or function needs parentheses. Anonymous structs, unions and enums are written
 * out in full where they are used, so a rendering never depends on a name it lacks.
 */
public final class TypeRenderer {
    private TypeRenderer() {
    }

    /** A type name: {@code const char *}, {@code struct foo *[4]}, {@code int (*)(int, ...)}. */
    public static String render(CType type) {
        return declare(type, "");
    }

    /**
     * A type name whose primitives, structs, unions and enums are spelled by {@code names}
     * where it gives a name (non-null), and as C spells them otherwise: for a language that
     * writes C types its own way (LuaJIT's {@code int64_t} for {@code long}).
     */
    public static String render(CType type, Function<CType, String> names) {
        return declarator(type, "", names).strip();
    }

    /** A declaration of {@code name} with {@code type}, without the trailing {@code ;}. */
    public static String declare(CType type, String name) {
        return declarator(type, name, t -> null).strip();
    }

    /**
     * A declaration of {@code name} with {@code type}, its primitives, structs, unions and
     * enums spelled by {@code names} where it gives a name, as for {@link #render(CType, Function)}:
     * for output that names an anonymous type by the typedef that names it.
     */
    public static String declare(CType type, String name, Function<CType, String> names) {
        return declarator(type, name, names).strip();
    }

    /**
     * A declaration of {@code name} with {@code type} as its declaration wrote it: where the
     * declarator's chain of pointers, arrays and return types reaches the type the base
     * typedef stands for, the typedef name stands instead ({@code curl_off_t len},
     * {@code size_t *sizes[2]}), and parameters are spelled likewise
     * ({@code int (*read)(size_t)}).
     */
    public static String declare(CType type, String name, TypeSpelling spelling) {
        return declarator(type, name, t -> null, spelling).strip();
    }

    /** A type name as its declaration wrote it, as for {@link #declare(CType, String, TypeSpelling)}. */
    public static String render(CType type, TypeSpelling spelling) {
        return declare(type, "", spelling);
    }

    private static String declarator(CType type, String inner, Function<CType, String> names) {
        return declarator(type, inner, names, TypeSpelling.AS_RESOLVED);
    }

    /**
     * {@code spelling}'s base may name any type on the declarator's own chain (not inside
     * parameter lists, which have their own); {@code names} names primitives, records and
     * enums everywhere.
     */
    private static String declarator(CType type, String inner, Function<CType, String> names, TypeSpelling spelling) {
        if (spelling.base().isPresent() && spelling.base().get().resolved() == type) {
            return join(spelling.base().get().spelling(), inner);
        }
        String name = type instanceof Primitive || type instanceof RecordType || type instanceof EnumType ? names.apply(type) : null;
        if (name != null) {
            return join(name, inner);
        }
        return switch (type) {
            case Primitive p -> join(p.spelling(), inner);
            case RecordType r -> join(r.tag().isPresent() ? r.toString() : renderDefinition(r, names), inner);
            case EnumType e -> join(e.tag().isPresent() ? e.toString() : renderDefinition(e), inner);
            case CType.Pointer p -> pointer(p, "", inner, names, spelling);
            case CType.Qualified q when q.base() instanceof CType.Pointer p -> pointer(p, qualifiers(q), inner, names, spelling);
            case CType.Pointer32 p -> pointer32(p, "", inner, names, spelling);
            case CType.Qualified q when q.base() instanceof CType.Pointer32 p -> pointer32(p, qualifiers(q), inner, names, spelling);
            case CType.Reference r -> declarator(r.target(),
                    r.target() instanceof CType.Array || r.target() instanceof CType.Function ? "(&" + inner + ")" : "&" + inner,
                    names, spelling);
            case CType.Qualified q -> qualifiers(q) + " " + declarator(q.base(), inner, names, spelling);
            case CType.Array a -> declarator(a.element(), inner + switch (a.kind()) {
                case FIXED -> "[" + a.length() + "]";
                case INCOMPLETE -> "[]";
                case VARIABLE -> "[?]";
            }, names, spelling);
            case CType.Function f -> declarator(f.returnType(), inner + parameters(f, names, spelling), names, spelling);
            case CType.Aligned a -> "__attribute__((aligned(" + a.byteAlignment() + "))) " + declarator(a.base(), inner, names, spelling);
            case CType.Vector v -> join(render(v.element(), names) + " __attribute__((vector_size(" + v.byteSize() + ")))", inner);
        };
    }

    private static String pointer(CType.Pointer p, String qualifiers, String inner, Function<CType, String> names,
                                  TypeSpelling spelling) {
        String star = qualifiers.isEmpty() ? "*" + inner : "*" + qualifiers + (inner.isEmpty() ? "" : " " + inner);
        CType target = p.target();
        if (target instanceof CType.Array || target instanceof CType.Function) {
            star = "(" + star + ")";
        }
        return declarator(target, star, names, spelling);
    }

    /** As LuaJIT prints one: {@code int *__ptr32}, {@code int *__ptr32 const}, {@code int *__ptr32 *}. */
    private static String pointer32(CType.Pointer32 p, String qualifiers, String inner, Function<CType, String> names,
                                    TypeSpelling spelling) {
        String star = join(join("*__ptr32", qualifiers), inner);
        if (p.target() instanceof CType.Array || p.target() instanceof CType.Function) {
            star = "(" + star + ")";
        }
        return declarator(p.target(), star, names, spelling);
    }

    private static String join(String specifier, String inner) {
        if (inner.isEmpty()) {
            return specifier;
        }
        return specifier + " " + inner;
    }

    private static String qualifiers(CType.Qualified q) {
        List<String> words = new ArrayList<>();
        if (q.isConst()) {
            words.add("const");
        }
        if (q.isVolatile()) {
            words.add("volatile");
        }
        if (q.isRestrict()) {
            words.add("restrict");
        }
        return String.join(" ", words);
    }

    private static String parameters(CType.Function f, Function<CType, String> names, TypeSpelling spelling) {
        if (!f.hasPrototype()) {
            return "()";
        }
        if (f.parameterTypes().isEmpty() && !f.isVariadic()) {
            return "(void)";
        }
        StringJoiner list = new StringJoiner(", ", "(", ")");
        List<CType> parameterTypes = f.parameterTypes();
        for (int i = 0; i < parameterTypes.size(); i++) {
            list.add(declarator(parameterTypes.get(i), "", names, spelling.parameter(f, i)).strip());
        }
        if (f.isVariadic()) {
            list.add("...");
        }
        return list.toString();
    }

    /**
     * A struct or union with its body: {@code struct tag { int x; unsigned f : 3; }}, with
     * {@code __attribute__((packed))}, {@code aligned(n)} on the type and members. A
     * {@code #pragma pack} in force is not written: callers that print whole definitions put
     * the pragma around them. An incomplete type renders as its name.
     */
    public static String renderDefinition(RecordType record) {
        return renderDefinition(record, t -> null);
    }

    /** A struct or union with its body, its members' types spelled by {@code names} where it gives a name. */
    public static String renderDefinition(RecordType record, Function<CType, String> names) {
        return renderDefinition(record, names, " ", " }");
    }

    /**
     * A struct or union with its body laid out for reading, one member a line, indented by
     * two spaces; members' types spelled by {@code names} where it gives a name.
     */
    public static String renderDefinitionLines(RecordType record, Function<CType, String> names) {
        return renderDefinition(record, names, "\n  ", "\n}");
    }

    private static String renderDefinition(RecordType record, Function<CType, String> names, String memberSeparator,
                                           String end) {
        if (!record.isComplete()) {
            return record.kind().keyword() + " " + record.tag().orElse("");
        }
        RecordType.Body body = record.body();
        StringBuilder text = new StringBuilder(record.kind().keyword());
        if (body.isPacked()) {
            text.append(" __attribute__((packed))");
        }
        if (body.requestedByteAlignment() != 0) {
            text.append(" __attribute__((aligned(")
                    .append(body.requestedByteAlignment()).append(")))");
        }
        record.tag().ifPresent(tag -> text.append(' ').append(tag));
        text.append(" {");
        for (RecordType.Member member : body.members()) {
            text.append(memberSeparator).append(declare(member.type(), member.name().orElse(""), names));
            member.bitWidth().ifPresent(width -> text.append(" : ").append(width));
            if (member.isPacked()) {
                text.append(" __attribute__((packed))");
            }
            if (member.requestedByteAlignment() != 0) {
                text.append(" __attribute__((aligned(")
                        .append(member.requestedByteAlignment()).append(")))");
            }
            text.append(';');
        }
        return text.append(end).toString();
    }

    /** An enum with its enumerators: {@code enum tag { A = 0, B = 5 }}. */
    public static String renderDefinition(EnumType type) {
        return renderDefinition(type, " { ", ", ", " }");
    }

    /** An enum with its enumerators laid out for reading, one a line, indented by two spaces. */
    public static String renderDefinitionLines(EnumType type) {
        return renderDefinition(type, " {\n  ", ",\n  ", "\n}");
    }

    private static String renderDefinition(EnumType type, String start, String separator, String end) {
        if (!type.isComplete()) {
            return "enum " + type.tag().orElse("");
        }
        StringBuilder text = new StringBuilder("enum");
        if (type.body().isPacked()) {
            text.append(" __attribute__((packed))");
        }
        type.tag().ifPresent(tag -> text.append(' ').append(tag));
        StringJoiner list = new StringJoiner(separator, start, end);
        boolean isUnsigned = type.body().underlyingType().isUnsigned();
        for (EnumType.Constant c : type.body().constants()) {
            list.add(c.name() + " = " + (isUnsigned ? Long.toUnsignedString(c.value()) + "U" : c.value() == Long.MIN_VALUE
                    ? "(-9223372036854775807 - 1)" : Long.toString(c.value())));
        }
        return text.append(list).toString();
    }
}
