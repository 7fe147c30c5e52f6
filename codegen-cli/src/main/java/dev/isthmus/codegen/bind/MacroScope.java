package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.ConstantValue;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.abi.IntegerArithmetic;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a function-like macro's body may name on one ABI besides its parameters and the
 * header class's constants: the integer and floating constants of the headers it includes,
 * by their value there ({@code PNG_ZBUF_SIZE}, from {@code pnglibconf.h}), the typedef names
 * of arithmetic types, which a cast may name ({@code (png_alloc_size_t) x}, an
 * {@code unsigned long}), and the bound structs and unions,
 * as a macro that reads members of a parameter sees them
 * ({@code #define PNG_IMAGE_ROW_STRIDE(image) (... * (image).width)}). C's macro does not say what its parameter is; the only type it can be is a record that has
 * every member the body reads, so such a parameter is bound as the memory of the one bound
 * record with all of them, read through its class's getters, and a macro for which no bound
 * record, or more than one, has them is reported. A member is read as the C value it holds
 * there: an integer sign- or zero-extended by its C type on this ABI, a {@code float} or
 * {@code double} as such; a bitfield (which C promotes by its width), an array, a pointer or
 * a record is not an arithmetic operand, and is reported.
 */
final class MacroScope {
    /** A record with a class, and its members' C types on this ABI and their getters' Java types, by name. */
    private record Candidate(String className, String cName, Map<String, CType> memberTypes, Map<String, String> getterTypes,
                             Set<String> bitFields) {
    }

    private final List<Candidate> candidates;
    private final Map<String, Primitive> arithmeticTypedefs;
    private final CScope scope;
    private final IntegerArithmetic integers;

    private MacroScope(List<Candidate> candidates, Map<String, Primitive> arithmeticTypedefs, CScope scope) {
        this.candidates = List.copyOf(candidates);
        this.arithmeticTypedefs = Map.copyOf(arithmeticTypedefs);
        this.scope = scope;
        this.integers = new IntegerArithmetic(scope.abi());
    }

    /**
     * A constant of the headers read that the header class has no field for, as a literal
     * of {@code syntax} of its value and C type on this ABI; empty for strings,
     * {@code long double} and names that are no constant.
     */
    Optional<MacroExpression.Typed> constant(String name, MacroSyntax syntax) {
        return scope.constant(name).flatMap(c -> switch (c.value()) {
            case ConstantValue.IntegerValue(long bits, Primitive type) -> {
                long value = integers.normalize(bits, type);
                yield Optional.of(new MacroExpression.Typed(syntax.integer(value, type, value < 0), MacroExpression.Kind.LONG, type));
            }
            case ConstantValue.FloatingValue(double value, Primitive type) when type == Primitive.FLOAT -> Optional.of(
                    new MacroExpression.Typed(syntax.floating(value, MacroExpression.Kind.FLOAT), MacroExpression.Kind.FLOAT, type));
            case ConstantValue.FloatingValue(double value, Primitive type) when type == Primitive.DOUBLE -> Optional.of(
                    new MacroExpression.Typed(syntax.floating(value, MacroExpression.Kind.DOUBLE), MacroExpression.Kind.DOUBLE, type));
            default -> Optional.empty();
        });
    }

    /** The arithmetic type a typedef name stands for ({@code uint32_t}: {@code unsigned int}), or empty. */
    Optional<Primitive> arithmeticTypedef(String name) {
        return Optional.ofNullable(arithmeticTypedefs.get(name));
    }

    /** The typedefs of {@code scope} that name integer or floating types, {@code _Bool} and {@code long double} left out. */
    private static Map<String, Primitive> arithmeticTypedefs(CScope scope) {
        Map<String, Primitive> typedefs = new HashMap<>();
        for (Declaration d : scope.declarations()) {
            if (d instanceof Declaration.Typedef t && BindingSet.strip(t.type()) instanceof Primitive p
                    && (p.isInteger() && p != Primitive.BOOL || p == Primitive.FLOAT || p == Primitive.DOUBLE)) {
                typedefs.putIfAbsent(t.name(), p);
            }
        }
        return typedefs;
    }

    /**
     * What a Lua module's functions may name in {@code scope}: its constants and typedefs, and
     * the complete structs and unions of {@code records} (those the module declares), each
     * known by its C name, whose members Lua reads from a cdata as they are.
     */
    static MacroScope forLua(CScope scope, java.util.Collection<RecordType> records, Map<CType, String> typedefNames) {
        List<Candidate> candidates = new ArrayList<>();
        for (RecordType record : records) {
            Optional<String> name = record.tag().map(tag -> record.kind().keyword() + " " + tag)
                    .or(() -> Optional.ofNullable(typedefNames.get(record)));
            if (!record.isComplete() || name.isEmpty()) {
                continue;
            }
            Map<String, RecordType.Member> members = new LinkedHashMap<>();
            flatten(record, members);
            Map<String, CType> types = new LinkedHashMap<>();
            Map<String, String> readable = new LinkedHashMap<>();
            List<String> bitFields = new ArrayList<>();
            members.forEach((member, m) -> {
                types.put(member, m.type());
                Primitive type = arithmetic(m.type());
                if (type != null) {
                    readable.put(member, type == Primitive.BOOL ? "bool" : "cdata");
                }
                if (m.bitWidth().isPresent()) {
                    bitFields.add(member);
                }
            });
            candidates.add(new Candidate(name.get(), name.get(), types, readable, Set.copyOf(bitFields)));
        }
        return new MacroScope(candidates, arithmeticTypedefs(scope), scope);
    }

    /**
     * The bound records with a written class, one {@code MacroScope} per ABI of
     * {@code targets}; a getter's Java type is the one its class has on every ABI
     * ({@code long} where a member is an {@code int} on one and a {@code long} on another).
     */
    static List<MacroScope> perAbi(BindTargets targets, BindingSet set) {
        List<Abi> abis = targets.abis();
        List<List<Candidate>> perAbi = new ArrayList<>();
        abis.forEach(a -> perAbi.add(new ArrayList<>()));
        for (RecordType record : set.records.keySet()) {
            Optional<List<RecordType>> peers = targets.peers(record);
            if (!set.names.hasWrittenClass(record) || peers.isEmpty()) {
                continue;
            }
            List<Map<String, RecordType.Member>> members = new ArrayList<>();
            for (RecordType peer : peers.get()) {
                Map<String, RecordType.Member> byName = new LinkedHashMap<>();
                flatten(peer, byName);
                members.add(byName);
            }
            Map<String, String> getterTypes = new LinkedHashMap<>();
            for (String name : members.getFirst().keySet()) {
                getterType(name, members, abis, set.names).ifPresent(t -> getterTypes.put(name, t));
            }
            String cName = record.tag().map(tag -> record.kind().keyword() + " " + tag).orElse(set.records.get(record));
            for (int a = 0; a < abis.size(); a++) {
                Map<String, CType> types = new LinkedHashMap<>();
                List<String> bitFields = new ArrayList<>();
                members.get(a).forEach((name, m) -> {
                    types.put(name, m.type());
                    if (m.bitWidth().isPresent()) {
                        bitFields.add(name);
                    }
                });
                perAbi.get(a).add(new Candidate(set.names.recordClass(record), cName, types, getterTypes, Set.copyOf(bitFields)));
            }
        }
        List<MacroScope> result = new ArrayList<>();
        for (int a = 0; a < abis.size(); a++) {
            result.add(new MacroScope(perAbi.get(a), arithmeticTypedefs(targets.scopes().get(a)), targets.scopes().get(a)));
        }
        return result;
    }

    /** The named members of a record, members of anonymous members included, as its class has accessors for them. */
    private static void flatten(RecordType record, Map<String, RecordType.Member> into) {
        for (RecordType.Member m : record.body().members()) {
            if (m.name().isPresent()) {
                into.putIfAbsent(m.name().get(), m);
            } else if (m.bitWidth().isEmpty() && BindingSet.strip(m.type()) instanceof RecordType inner && inner.isComplete()) {
                flatten(inner, into);
            }
        }
    }

    /** The Java type of a scalar member's getter on every ABI, as the record's class writes it; empty for other members. */
    private static Optional<String> getterType(String name, List<Map<String, RecordType.Member>> members, List<Abi> abis,
                                               JavaNames names) {
        List<String> types = new ArrayList<>();
        for (int a = 0; a < abis.size(); a++) {
            RecordType.Member m = members.get(a).get(name);
            if (m == null || !(arithmetic(m.type()) instanceof Primitive)) {
                return Optional.empty();
            }
            try {
                types.add(JavaCarrier.of(m.type(), abis.get(a), names).javaType());
            } catch (NotBindable e) {
                return Optional.empty();
            }
        }
        if (types.stream().distinct().count() == 1) {
            return Optional.of(types.getFirst());
        }
        return types.stream().allMatch(t -> t.equals("int") || t.equals("long")) ? Optional.of("long") : Optional.empty();
    }

    /** The arithmetic C type of a member's value (an enum's underlying integer type), or null when it has none. */
    private static Primitive arithmetic(CType type) {
        return switch (BindingSet.strip(type)) {
            case Primitive p when p != Primitive.VOID -> p;
            case EnumType e when e.isComplete() -> e.body().underlyingType();
            default -> null;
        };
    }

    /**
     * The class of the record that {@code parameter}, whose {@code members} the body reads,
     * stands for: the only bound record with all of them.
     *
     * @throws NotBindable when no bound record has them all, or several do
     */
    String recordOf(String parameter, Set<String> members) throws NotBindable {
        List<Candidate> matching = candidates.stream().filter(c -> c.memberTypes().keySet().containsAll(members)).toList();
        String read = "its parameter " + parameter + " is read as a struct or union with " + (members.size() == 1 ? "member " : "members ")
                + String.join(", ", members);
        if (matching.isEmpty()) {
            throw new NotBindable(read + ", and no bound struct or union has " + (members.size() == 1 ? "it" : "them all"));
        }
        if (matching.size() > 1) {
            throw new NotBindable(read + ", which " + String.join(" and ", matching.stream().map(Candidate::cName).toList())
                    + " all have, so its type cannot be told");
        }
        return matching.getFirst().className();
    }

    /** The C name of the record whose class is {@code className}. */
    String cNameOf(String className) {
        return candidate(className).cName();
    }

    /**
     * {@code member} of the record {@code className} read from {@code parameter} through its
     * getter, as the value C computes with: an integer widened to a {@code long} by its C
     * type's signedness on this ABI.
     *
     * @throws NotBindable when the member is not an arithmetic value a getter reads whole
     */
    MacroExpression.Typed read(String className, String parameter, String member, MacroSyntax syntax) throws NotBindable {
        Candidate c = candidate(className);
        String what = "member " + member + " of " + c.cName();
        if (c.bitFields().contains(member)) {
            throw new NotBindable(what + " is a bitfield, which C promotes by its width");
        }
        Primitive type = arithmetic(c.memberTypes().get(member));
        String getterType = c.getterTypes().get(member);
        if (type == null || getterType == null) {
            throw new NotBindable(what + " is not an arithmetic value");
        }
        if (type == Primitive.FLOAT || type == Primitive.DOUBLE) {
            MacroExpression.Kind kind = type == Primitive.FLOAT ? MacroExpression.Kind.FLOAT : MacroExpression.Kind.DOUBLE;
            return new MacroExpression.Typed(syntax.member(className, parameter, member, getterType, kind, false), kind, type);
        }
        if (!type.isInteger() && type != Primitive.BOOL) {
            throw new NotBindable(what + " is a " + type.spelling() + ", which Java has no arithmetic for");
        }
        String read = syntax.member(className, parameter, member, getterType, MacroExpression.Kind.LONG, integers.isUnsigned(type));
        if (read == null) {
            throw new NotBindable(what + " is read as a Java " + getterType);
        }
        return new MacroExpression.Typed(read, MacroExpression.Kind.LONG, type);
    }

    private Candidate candidate(String className) {
        return candidates.stream().filter(c -> c.className().equals(className)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bound record class " + className));
    }
}
